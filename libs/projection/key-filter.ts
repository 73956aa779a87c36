/**
 * A Bloom filter of the keys a rebuild has written to a table: a key it has never written cannot be in the
 * copy (which started empty and has no other writer), so looking it up is a wasted probe. False positives
 * only cost the look-up they would have cost anyway. 2^23 bits (1 MB) a table: under 1% false positives at
 * a million keys.
 */
const BITS = 2 ** 23;

export class KeyFilter {
  private readonly bits = new Uint32Array(BITS / 32);

  /** Adds the key; true when the filter may have held it already (every bit was set), from the same hash. */
  add(key: string): boolean {
    hash(key);
    let held = true;
    for (let i = 0; i < 4; i++) {
      const bit = position(i);
      const mask = 1 << (bit & 31);
      if ((this.bits[bit >>> 5] & mask) === 0) held = false;
      this.bits[bit >>> 5] |= mask;
    }
    return held;
  }

  mayHold(key: string): boolean {
    hash(key);
    for (let i = 0; i < 4; i++) {
      const bit = position(i);
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
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

const position = (i: number) => ((a + Math.imul(i, b | 1)) >>> 0) % BITS;
