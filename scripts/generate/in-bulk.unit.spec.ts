import { anEvent } from '../../libs/event-store/contract/event-store.contract';
import { inBatches } from './in-bulk';

describe('inBatches', () => {
  const append = (stream: string, count: number) => ({ stream, events: Array.from({ length: count }, () => anEvent()) });

  it('groups whole streams in their order until a group holds about the number of events asked for', () => {
    const appends = [append('a', 3), append('b', 4), append('c', 2), append('d', 9), append('e', 1)];
    const batches = inBatches(appends, 8);
    expect(batches.map((batch) => batch.map((a) => a.stream))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(batches.flat()).toEqual(appends);
  });

  it('gives nothing for nothing', () => {
    expect(inBatches([], 10)).toEqual([]);
  });
});
