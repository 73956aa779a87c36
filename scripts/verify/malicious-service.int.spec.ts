/**
 * An auditor against a malicious service: a tiny HTTP server, holding the real signing key, that rewrote
 * its history and serves a consistency proof computed over the rewrite (or a made-up one), and an export
 * whose inclusion proof is forged. What it serves is fetched over HTTP as an auditor would, then checked
 * offline by the command line: every answer is rejected.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consistencyProof } from '../../libs/audit/consistency';
import { leaves, LOG_KEY, LOG_PUBLIC_KEY, SIGNED_AT, swapped } from '../../libs/audit/vectors/vector-keys';
import { makeCheckpoint, signCheckpoint } from '../../libs/audit/signing';
import { position } from '../../libs/event-store/position';
import { CliIo, main } from './cli';

const honest = leaves(13);
const rewritten = swapped(honest, 1, 2);
const sign = (hashes: string[]) => signCheckpoint(makeCheckpoint(position(BigInt(hashes.length - 1)), hashes, SIGNED_AT), LOG_KEY);
const trusted = sign(honest.slice(0, 5));
const forgedBundle = (
  JSON.parse(readFileSync(join(__dirname, '../../libs/audit/vectors/bundles.json'), 'utf8')) as {
    vectors: { name: string; input: { bundle: string } }[];
  }
).vectors.find((v) => v.name === 'truncated inclusion proof')!.input.bundle;

const ROUTES: Record<string, () => unknown> = {
  // Over the rewritten log: the proof is genuine for the rewrite, signed with the real key.
  '/audit/checkpoints/5/consistency/13': () => ({
    first: sign(rewritten.slice(0, 5)),
    second: sign(rewritten),
    proof: consistencyProof(rewritten, 5),
  }),
  // Claims the honest start, and makes the proof up.
  '/audit/checkpoints/5/consistency/14': () => ({
    first: trusted,
    second: sign(rewritten),
    proof: { first: 5, second: 13, path: consistencyProof(rewritten, 5).path },
  }),
};

describe('the offline verifier against a malicious service', () => {
  let server: Server;
  let base: string;
  const files: Record<string, string> = { 'trusted.json': JSON.stringify(trusted) };
  const io: CliIo = { readFile: (p) => files[p], exists: (p) => p in files, out: () => undefined, err: () => undefined };
  const fetchTo = async (path: string, file: string) => {
    files[file] = await (await fetch(`${base}${path}`)).text();
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/cases/v1/export') return res.end(forgedBundle);
      const route = ROUTES[req.url ?? ''];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(route ? route() : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('rejects a consistency proof computed over a rewritten history, though signed with the real key', async () => {
    await fetchTo('/audit/checkpoints/5/consistency/13', 'answer.json');
    expect(main(['consistency', 'answer.json', '--trusted', 'trusted.json', '--public-key', LOG_PUBLIC_KEY], io)).toBe(1);
  });

  it('rejects a made-up consistency proof from the checkpoint the auditor trusts', async () => {
    await fetchTo('/audit/checkpoints/5/consistency/14', 'answer.json');
    expect(main(['consistency', 'answer.json', '--trusted', 'trusted.json', '--public-key', LOG_PUBLIC_KEY], io)).toBe(1);
  });

  it('rejects an export whose inclusion proof is forged', async () => {
    await fetchTo('/cases/v1/export', 'case.ndjson');
    expect(main(['verify', 'case.ndjson', '--public-key', LOG_PUBLIC_KEY], io)).toBe(1);
  });

  it("accepts the honest answer, so the rejections are the forgeries' doing", () => {
    files['honest.json'] = JSON.stringify({ first: trusted, second: sign(honest), proof: consistencyProof(honest, 5) });
    expect(main(['consistency', 'honest.json', '--trusted', 'trusted.json', '--public-key', LOG_PUBLIC_KEY], io)).toBe(0);
  });
});
