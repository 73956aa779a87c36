/**
 * The JetStream stream the relay publishes into: created when absent, and read for where the relay stopped (the
 * log position in its last message's header, which the relay resumes after even if the checkpoint save after
 * that message's ack did not happen).
 */
import { JetStreamManager, nanos, StorageType, StreamInfo } from 'nats';
import { parsePosition, Position } from '../event-store/position';
import { SUBJECT_ROOT } from './subjects';

export const POSITION_HEADER = 'Family-Ledger-Position';
/** JetStream drops a re-sent message with the same id within this window. */
const DUPLICATE_WINDOW_MS = 2 * 60_000;
const STREAM_NOT_FOUND = 10059;
const NO_MESSAGE_FOUND = 10037;

/**
 * The log position of the last event the stream holds, if any (creating the stream when absent). A stream whose
 * last message is gone (purged, aged out under max_age, deleted) keeps its last sequence number but tells
 * nothing of where the relay stopped: the relay's checkpoint decides then.
 */
export async function lastPositionInStream(jsm: JetStreamManager, stream: string): Promise<Position | undefined> {
  const info = await ensureStream(jsm, stream);
  if (!info || info.state.last_seq === 0 || info.state.messages === 0) return undefined;
  try {
    const last = await jsm.streams.getMessage(stream, { seq: info.state.last_seq });
    const text = last.header?.get(POSITION_HEADER);
    return text ? parsePosition(text) : undefined;
  } catch (error) {
    if (apiErrorCode(error) === NO_MESSAGE_FOUND) return undefined;
    throw error;
  }
}

/** The stream's info, or undefined when it was absent and has just been created. */
export async function ensureStream(jsm: JetStreamManager, stream: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(stream);
  } catch (error) {
    if (apiErrorCode(error) !== STREAM_NOT_FOUND) throw error;
    await jsm.streams.add({
      name: stream,
      subjects: [`${SUBJECT_ROOT}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
    return undefined;
  }
}

function apiErrorCode(error: unknown): number | undefined {
  return (error as { api_error?: { err_code?: number } } | undefined)?.api_error?.err_code;
}
