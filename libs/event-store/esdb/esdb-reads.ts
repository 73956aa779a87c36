/**
 * Reading helpers over the client's streaming reads: drain a read into an array (translating its errors),
 * and the reads an append needs to finish the hash chain and to recognise a re-send.
 */
import { BACKWARDS, END, FORWARDS, ResolvedEvent } from '@eventstore/db-client';
import { StreamNotFoundError } from '../errors';
import { GENESIS_HASH } from '../hash-chain';
import { HASH_KEY, translateEsdbError } from './mapping';
import { ClientRead, StoreClient } from './store-client';

/** What an append needs of the stream's last event, system events included (they take revisions too). */
export interface StreamTail {
  revision: bigint;
  hash: string;
}

/** Reads the whole of a streaming read; `limit` stops early (and cancels the rest) once enough arrived. */
export async function drain<E>(read: ClientRead<E>, stream?: string, limit = Infinity): Promise<E[]> {
  const out: E[] = [];
  try {
    for await (const item of read) {
      out.push(item);
      if (out.length >= limit) break;
    }
  } catch (error) {
    throw translateEsdbError(error, stream);
  } finally {
    // db-client's reads need cancelling; the kurrentdb client's generator is closed by the `break` itself.
    if (out.length >= limit) await read.cancel?.().catch(() => undefined);
  }
  return out;
}

export function tailOf(resolved: ResolvedEvent | undefined): StreamTail | undefined {
  const event = resolved?.event;
  if (!event) return undefined;
  const hash = (event.metadata as Record<string, unknown> | undefined)?.[HASH_KEY];
  return { revision: event.revision, hash: typeof hash === 'string' ? hash : GENESIS_HASH };
}

/** The newest `count` events of a stream, newest first; [] when the stream does not exist. */
export async function readNewest(client: StoreClient, stream: string, count: number): Promise<ResolvedEvent[]> {
  try {
    return await drain(client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: count }), stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/** Up to `count` events from `fromRevision` forwards. */
export async function readRange(client: StoreClient, stream: string, fromRevision: bigint, count: number): Promise<ResolvedEvent[]> {
  return drain(client.readStream(stream, { direction: FORWARDS, fromRevision, maxCount: count }), stream);
}
