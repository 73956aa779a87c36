/**
 * A Bloom filter of the keys a rebuild has written to a table: a key it has never written cannot be in the
 * copy (which started empty and has no other writer), so looking it up is a wasted probe. False positives
 * only cost the look-up they would have cost anyway.
 *
 * It grows with the table: layers of 2^18, 2^20, 2^22... bits, each taking keys until it holds one per 16 of
 * its bits (about 0.25% false positives), so a table of 20,000 keys costs 32 KB instead of the 1 MB a filter
 * sized for a million keys did (a rebuild has two dozen tables, most of them small; the memory is the RSS's).
 */
const FIRST_LAYER_BITS = 2 ** 18;
const BITS_PER_KEY = 16;

class Layer {
  readonly bits: Uint32Array;
  readonly size: number;
  count = 0;

  constructor(size: number) {
    this.size = size;
    this.bits = new Uint32Array(size / 32);
  }

  get full(): boolean {
    return this.count * BITS_PER_KEY >= this.size;
  }

  /** Whether every bit of the last hashed key is set. */
  holds(): boolean {
    for (let i = 0; i < 4; i++) {
      const bit = position(i, this.size);
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /** Sets the last hashed key's bits. */
  set(): void {
    for (let i = 0; i < 4; i++) {
      const bit = position(i, this.size);
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
    this.count++;
  }
}

export class KeyFilter {
  private readonly layers = [new Layer(FIRST_LAYER_BITS)];

  /** Adds the key; true when the filter may have held it already (then nothing is added), from one hash. */
  add(key: string): boolean {
    hash(key);
    if (this.holdsHashed()) return true;
    let last = this.layers[this.layers.length - 1];
    if (last.full) this.layers.push((last = new Layer(last.size * 4)));
    last.set();
    return false;
  }

  mayHold(key: string): boolean {
    hash(key);
    return this.holdsHashed();
  }

  private holdsHashed(): boolean {
    for (const layer of this.layers) if (layer.holds()) return true;
    return false;
  }
}

// The last key's two hashes: four positions by double hashing of two FNV-1a variants, without an array per key.
let a = 0;
let b = 0;

function hash(key: string): void {
  a = 0x811c9dc5;
  b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
}

const position = (i: number, size: number) => ((a + Math.imul(i, b | 1)) >>> 0) % size;
