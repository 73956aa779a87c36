/**
 * What a write-behind knows it wrote, per table: while every row of the copy went through it (it started on an
 * empty copy, and no batch was applied apart since), a key it never wrote is not in the table and need not be
 * looked up. A Bloom filter per table (key-filter.ts): it may say "maybe" of a key never written, never "no"
 * of one written.
 */
import { KeyFilter } from './key-filter';

export class WrittenKeys {
  private readonly byTable = new Map<string, KeyFilter>();

  constructor(private trusted: boolean) {}

  /** Rows reached the copy another way (a batch applied apart): from now on every key may be stored. */
  distrust(): void {
    this.trusted = false;
  }

  /** Whether the key may be in the table: any key, unless every row of the copy was written through here. */
  mayBeStored(table: string, key: string): boolean {
    return !this.trusted || (this.byTable.get(table)?.mayHold(key) ?? false);
  }

  remember(table: string, keys: Iterable<string>): void {
    let filter = this.byTable.get(table);
    if (!filter) this.byTable.set(table, (filter = new KeyFilter()));
    for (const key of keys) filter.add(key);
  }
}
