import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store.port';
import { Position, position } from '../event-store/position';
import { ReadModelBehindError, ReadSources } from './read-sources';

/** The choice between copies of the log, over stand-ins that only answer their head (the stores are tested elsewhere). */
const copy = (head: () => Promise<Position | undefined>) => {
  const store = { headPosition: jest.fn(head) };
  return store as typeof store & EventStore;
};
const noDatabase = {} as DataSource;
const sources = (primary: EventStore, replica?: EventStore) =>
  new ReadSources(noDatabase, undefined, { maxWaitMs: 60, pollMs: 10 }, { primary, replica });

describe('choosing the copy of the log a read goes to', () => {
  it('reads the replica, with its own head, once it has reached minPosition', async () => {
    const primary = copy(async () => position(9n));
    const replica = copy(async () => position(7n));
    expect(await sources(primary, replica).forLog(position(7n))).toEqual({ store: replica, served: 'replica', head: position(7n) });
    expect(primary.headPosition).not.toHaveBeenCalled();
  });

  it('goes to the primary when the replica stays behind for the whole wait, and refuses when the primary is behind too', async () => {
    const replica = copy(async () => position(5n));
    expect(
      await sources(
        copy(async () => position(9n)),
        replica,
      ).forLog(position(8n)),
    ).toMatchObject({ served: 'primary', head: position(9n) });
    expect(replica.headPosition.mock.calls.length).toBeGreaterThan(1);
    await expect(
      sources(
        copy(async () => position(6n)),
        replica,
      ).forLog(position(8n)),
    ).rejects.toBeInstanceOf(ReadModelBehindError);
  });

  it('passes over a replica that cannot be asked at once, but reports a primary that cannot', async () => {
    const down = copy(() => Promise.reject(new Error('connection refused')));
    expect(
      await sources(
        copy(async () => position(3n)),
        down,
      ).forLog(),
    ).toMatchObject({ served: 'primary' });
    expect(down.headPosition).toHaveBeenCalledTimes(1);
    await expect(sources(down).forLog(position(1n))).rejects.toThrow('connection refused');
  });

  it('reads no head on one server when no position is asked for', async () => {
    const primary = copy(async () => position(3n));
    expect(await sources(primary).forLog()).toEqual({ store: primary, served: 'primary', head: undefined });
    expect(primary.headPosition).not.toHaveBeenCalled();
  });
});
