/**
 * The published schemas: the committed files are what the domain's types generate today (no drift), every
 * stored event type has one, fixtures of each fit and break as they should, and the upcaster turns every
 * older registered shape into one that fits the current schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES } from '../domain/event-types';
import { upcastBulletinIssued, upcastHouseholdEnrolled, upcastRectificationReported } from '../domain/upcasting';
import { generateEventSchemas, schemaFileName, schemaFileText, schemaIndexText } from './generate';
import { listEventSchemas, schemaViolation } from './registry';

const root = join(__dirname, '../..');

describe('published event schemas', () => {
  it("are exactly what the domain's event types generate (run npm run schemas:generate after changing an event)", () => {
    const generated = generateEventSchemas(root);
    for (const { type, version, schema } of generated) {
      expect({
        file: schemaFileName(type, version),
        text: readFileSync(join(__dirname, 'schemas', schemaFileName(type, version)), 'utf8'),
      }).toEqual({ file: schemaFileName(type, version), text: schemaFileText(schema) });
    }
    expect(readFileSync(join(__dirname, 'schemas/index.ts'), 'utf8')).toBe(schemaIndexText(generated));
  }, 60_000);

  it('cover every stored event type, each with one current version', () => {
    const current = listEventSchemas()
      .filter((s) => s.current)
      .map((s) => s.type)
      .sort();
    expect(current).toEqual([...EVENT_TYPES].sort());
  });

  const enrolled = {
    householdId: 'h-1',
    villageCode: '640104001001',
    category: 'stable',
    members: 3,
    head: { name: 'Ma Lan' },
    enrolmentYear: 2012,
    batch: 1,
  };

  it('accept an event of the current shape and refuse one that breaks it, naming the type and path but not the value', () => {
    expect(schemaViolation('HouseholdEnrolled', enrolled)).toBeUndefined();
    expect(schemaViolation('HouseholdEnrolled', { ...enrolled, category: 'rich' })).toMatch(
      /^HouseholdEnrolled v2: data\/category must be equal to one of the allowed values/,
    );
    expect(schemaViolation('HouseholdEnrolled', { ...enrolled, head: { name: 42 } })).toMatch(/data\/head\/name must be string/);
    expect(schemaViolation('HouseholdEnrolled', { ...enrolled, surprise: 'x' })).toMatch(/additional properties/);
    const { batch: _batch, ...withoutBatch } = enrolled;
    expect(schemaViolation('HouseholdEnrolled', withoutBatch)).toMatch(/must have required property 'batch'/);
    expect(schemaViolation('HouseholdEnrolled', { ...enrolled, head: { name: 'Secret Name', idNumber: 7 } })).not.toContain('Secret Name');
    expect(schemaViolation('NoSuchEvent', {})).toBe('NoSuchEvent has no published schema');
  });

  it('upcast every registered older HouseholdEnrolled shape to one that fits the current schema', () => {
    const { enrolmentYear: _y, batch: _b, ...v1 } = enrolled;
    expect(schemaViolation('HouseholdEnrolled', v1, 1)).toBeUndefined();
    expect(schemaViolation('HouseholdEnrolled', v1)).toBeDefined();
    expect(schemaViolation('HouseholdEnrolled', upcastHouseholdEnrolled(v1 as never, '2012-12-31T20:00:00.000Z'))).toBeUndefined();
    const older = listEventSchemas().filter((s) => !s.current);
    expect(older.map((s) => `${s.type} v${s.version}`)).toEqual([
      'BulletinIssued v1',
      'BulletinIssued v2',
      'HouseholdEnrolled v1',
      'RectificationReported v1',
    ]);
  });

  it('upcast a BulletinIssued v1 (no document) to one that fits the current schema', () => {
    const v1 = {
      districtCode: '640104',
      bulletinId: 'b-1',
      supervisorId: 'sup-wang',
      period: '201201B',
      kind: 'progress',
      units: [],
      summary: 'on schedule',
      issuedAt: '2012-03-02T00:00:00.000Z',
    };
    expect(schemaViolation('BulletinIssued', v1, 1)).toBeUndefined();
    expect(schemaViolation('BulletinIssued', v1)).toMatch(/must have required property 'document'/);
    expect(schemaViolation('BulletinIssued', upcastBulletinIssued(v1 as never))).toBeUndefined();
  });

  it('upcast a BulletinIssued v2 (a document without scorecard) to one that fits the current schema', () => {
    const v2 = {
      districtCode: '640104',
      bulletinId: 'b-1',
      supervisorId: 'sup-wang',
      period: '201201B',
      kind: 'progress',
      units: [],
      summary: 'on schedule',
      issuedAt: '2012-03-02T00:00:00.000Z',
      document: { pdfSha256: 'a'.repeat(64), xlsxSha256: 'b'.repeat(64), asOf: '7', layout: 'bulletin-pack/1' },
    };
    expect(schemaViolation('BulletinIssued', v2, 2)).toBeUndefined();
    expect(schemaViolation('BulletinIssued', v2)).toMatch(/must have required property 'scorecard'/);
    expect(schemaViolation('BulletinIssued', upcastBulletinIssued(v2 as never))).toBeUndefined();
  });

  it('upcast a RectificationReported v1 (no reporter) to one that fits the current schema, with the reporter unknown', () => {
    const v1 = { round: 1, report: 're-surveyed 40 of 40', evidence: [], late: false, reason: 'done' };
    expect(schemaViolation('RectificationReported', v1, 1)).toBeUndefined();
    expect(schemaViolation('RectificationReported', v1)).toMatch(/must have required property 'reportedBy'/);
    expect(schemaViolation('RectificationReported', { ...v1, reportedBy: 'clerk-7' }, 1)).toBeDefined();
    const upcast = upcastRectificationReported(v1);
    expect(upcast).toEqual({ ...v1, reportedBy: null, reportedAs: null });
    expect(schemaViolation('RectificationReported', upcast)).toBeUndefined();
  });
});
