/**
 * The fast canonical JSON must give the bytes the `canonicalize` package gives, or every stored hash breaks:
 * properties over arbitrary values (JSON.parse's and stranger ones) compare the two outcome for outcome.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson, chainHash, contentHash, eventHash, GENESIS_HASH } from './hash-chain';

/** Any UTF-16 code unit, lone surrogates included, besides whole code points and JSON's special characters. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const special = fc.constantFrom(
  '"',
  '\\',
  '\n',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u2028',
  '\ud83d\ude00',
  '\ud800',
  '\udfff',
  '€',
  '__proto__',
);
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit }), fc.string({ unit: fc.oneof(codeUnit, special) }));
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 1e21, 1e-7, 1e-6, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2, 333333333.33333329, 4.5, 2e-3),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small', maxDepth: 6 }, fc.constant(null), fc.boolean(), number, text, tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 6 }),
  object: fc.dictionary(text, tie('json'), { maxKeys: 8 }),
}));

/** The package's result, or the message it threw: the fast path must match either. */
function outcome(canonical: (value: unknown) => string | undefined, value: unknown): string | undefined {
  try {
    return canonical(value);
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

const referenceContentHash = (content: object) => createHash('sha256').update(canonicalize(content)!, 'utf8').digest();

describe('canonical JSON (RFC 8785)', () => {
  it('gives the bytes of the canonicalize package for arbitrary JSON values', () => {
    fc.assert(
      fc.property(json, (value) => expect(canonicalJson(value)).toBe(canonicalize(value))),
      { numRuns: 3_000 },
    );
  });

  it('gives the same bytes for values as JSON.parse builds them from any JSON text', () => {
    fc.assert(
      fc.property(json, (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with the package, result or error, on values JSON cannot hold', () => {
    const strange = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      values: [fc.constantFrom(undefined, NaN, Infinity, -Infinity, Symbol('s'), () => 1)],
    });
    fc.assert(
      fc.property(strange, (value) => expect(outcome(canonicalJson, value)).toBe(outcome(canonicalize, value))),
      { numRuns: 3_000 },
    );
  });

  it('writes the numbers and key order of RFC 8785', () => {
    expect(canonicalJson([333333333.33333329, 1e30, 4.5, 2e-3, 1e-27, -0, 1e21, 1e20])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,1e-27,0,1e+21,100000000000000000000]',
    );
    const keys = {
      '\u20ac': 'Euro',
      '\r': 'CR',
      '\ufb33': 'Hebrew',
      '1': 'One',
      '\ud83d\ude00': 'Smiley',
      '\u0080': 'Control',
      '\u00f6': 'Latin',
    };
    expect(canonicalJson(keys)).toBe(
      '{"\\r":"CR","1":"One","\u0080":"Control","\u00f6":"Latin","\u20ac":"Euro","\ud83d\ude00":"Smiley","\ufb33":"Hebrew"}',
    );
    expect(canonicalJson({ b: [{ d: 1, c: null }], a: 'x\u0007' })).toBe('{"a":"x\\u0007","b":[{"c":null,"d":1}]}');
  });

  it('sorts objects of many keys as few ones', () => {
    fc.assert(
      fc.property(fc.dictionary(text, fc.integer(), { minKeys: 17, maxKeys: 40 }), (value) =>
        expect(canonicalJson(value)).toBe(canonicalize(value)),
      ),
    );
  });
});

describe('event hashes', () => {
  it('are the content and chain hashes computed before the fast path, for any content', () => {
    fc.assert(
      fc.property(text, json, json, fc.uint8Array({ minLength: 32, maxLength: 32 }), (type, data, metadata, previous) => {
        const content = contentHash({ type, data, metadata });
        expect(content.equals(referenceContentHash({ type, data, metadata }))).toBe(true);
        const previousHex = Buffer.from(previous).toString('hex');
        const reference = createHash('sha256').update(Buffer.from(previousHex, 'hex')).update(content).digest('hex');
        expect(chainHash(previousHex, content)).toBe(reference);
      }),
      { numRuns: 1_000 },
    );
  });

  it('chain in one call as in two, whatever the previous hash text holds', () => {
    const hex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
    const previous = fc.oneof(
      hex,
      hex.map((h) => h.toUpperCase()),
      fc.string({ unit: fc.constantFrom('0', 'f', 'A', 'g', ' ') }),
      fc.string(),
    );
    fc.assert(
      fc.property(previous, text, json, json, (previousHex, type, data, metadata) => {
        const reference = createHash('sha256')
          .update(Buffer.from(previousHex, 'hex'))
          .update(referenceContentHash({ type, data, metadata }))
          .digest('hex');
        expect(eventHash(previousHex, { type, data, metadata })).toBe(reference);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps a hash stored by an earlier release valid', () => {
    // Computed with canonicalize and createHash before the fast path existed.
    const data = { members: 3, category: 'stable', head: { name: 'Ma Lan' }, ratio: -0, big: 1e21, tags: ['é', '\u{1F600}'] };
    const content = contentHash({
      type: 'HouseholdEnrolled',
      data,
      metadata: { recordedAt: '2012-01-01T00:00:00.000Z', actor: 'worker-1' },
    });
    expect(content.toString('hex')).toBe('0d437c087ab1bf589b97e9ac57e4752602419ab5eea2559feda19b19a1ebbad9');
    expect(chainHash(GENESIS_HASH, content)).toBe('4c012b0ea42db1fe8aad4678e2a41259c976cec749d3b17d853581c9b70cba27');
    expect(
      eventHash(GENESIS_HASH, { type: 'HouseholdEnrolled', data, metadata: { recordedAt: '2012-01-01T00:00:00.000Z', actor: 'worker-1' } }),
    ).toBe('4c012b0ea42db1fe8aad4678e2a41259c976cec749d3b17d853581c9b70cba27');
  });
});
