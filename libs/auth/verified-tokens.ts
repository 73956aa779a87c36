/**
 * Tokens already verified, remembered briefly: verifying a signature is about a tenth of a command's CPU, and
 * a client sends the same token with every request. An entry lasts until the token expires or `maxAgeMs`
 * has passed, whichever is first, so a key withdrawn from a JWKS stops being honoured within that bound.
 * Only successes are remembered; a refused token is verified again each time.
 */
import { Principal } from './principal';

interface Entry {
  principal: Principal;
  until: number;
}

export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAt`: the token's `exp`, in seconds since the epoch. */
  remember(token: string, principal: Principal, expiresAt: number): Principal {
    const until = Math.min(expiresAt * 1000, this.now() + this.maxAgeMs);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const frozen = Object.freeze({
      ...principal,
      roles: Object.freeze([...principal.roles]),
      scopes: Object.freeze([...principal.scopes]),
    });
    this.entries.set(token, { principal: frozen, until });
    return frozen;
  }
}
