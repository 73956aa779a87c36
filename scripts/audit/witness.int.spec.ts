/**
 * The witness process against a service that forks: after it cosigned a tree, the service serves another
 * tree of the same size, then a rewritten history with a consistency proof computed over the rewrite. The
 * witness refuses both (exit 1), posts nothing, and keeps the tree it last cosigned.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCheckpointNote, noteVerifierKey } from '@libs/audit/checkpointing/checkpoint-notes';
import { consistencyProof } from '@libs/audit/consistency';
import { makeCheckpoint } from '@libs/audit/signing';
import { leaves, LOG_KEY, ORIGIN, SIGNED_AT, swapped } from '@libs/audit/vectors/vector-keys';
import { position } from '@libs/event-store/position';
import { runWitness } from './witness';

const noteOf = (hashes: string[]) =>
  signCheckpointNote(ORIGIN, makeCheckpoint(position(BigInt(hashes.length - 1)), hashes, SIGNED_AT), [LOG_KEY]);

describe('a witness facing a forking service', () => {
  let server: Server;
  let url: string;
  let served: string[] = leaves(5);
  const posted: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'witness-fork-'));
  const key = join(dir, 'witness.key');
  const lines: string[] = [];
  const witness = (args: string[]) => runWitness(args, {}, (line) => lines.push(line));
  const args = () => ['--log-key', noteVerifierKey(ORIGIN, LOG_KEY), '--url', url, '--key', key, '--once'];
  const state = () => JSON.parse(readFileSync(`${key}.state.json`, 'utf8'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      const consistency = /^\/audit\/checkpoints\/(\d+)\/consistency\/(\d+)$/.exec(req.url ?? '');
      if (req.method === 'POST') {
        posted.push(req.url!);
        req.resume();
        return res.writeHead(201).end('{}');
      }
      res.setHeader('content-type', 'application/json');
      if (req.url === '/audit/checkpoints/latest') return res.end(JSON.stringify({ note: noteOf(served) }));
      if (consistency) return res.end(JSON.stringify({ proof: consistencyProof(served, Number(consistency[1])) }));
      res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await witness(['--new-key', 'witness.test/fork', '--key', key]);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('cosigns the honest tree, then refuses another tree of the same size', async () => {
    expect(await witness(args())).toBe(0);
    expect(posted).toEqual(['/audit/checkpoints/5/cosignatures']);
    served = swapped(leaves(5), 0, 1);
    expect(await witness(args())).toBe(1);
    expect(lines.at(-1)).toMatch(/^REFUSED \(fork\): two different trees of size 5/);
    expect(posted).toHaveLength(1);
    expect(state()).toEqual({ size: 5, rootHash: expect.any(String) });
  });

  it('refuses a rewritten history even with a consistency proof computed over the rewrite, and a rollback', async () => {
    served = swapped(leaves(13), 2, 3);
    expect(await witness(args())).toBe(1);
    expect(lines.at(-1)).toMatch(/^REFUSED \(fork\): the tree does not extend the last one cosigned/);
    served = leaves(4);
    expect(await witness(args())).toBe(1);
    expect(lines.at(-1)).toMatch(/^REFUSED \(rolled-back\)/);
    served = leaves(13);
    expect(await witness(args())).toBe(0);
    expect(posted).toEqual(['/audit/checkpoints/5/cosignatures', '/audit/checkpoints/13/cosignatures']);
    expect(state().size).toBe(13);
  });
});
