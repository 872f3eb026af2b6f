import { randomInt } from "node:crypto";

/** Makes the human-readable order number; swap it for sequential or prefixed numbers. */
export interface OrderNumberGenerator {
  next(): string;
}

// Crockford's base32 without I, L, O, U: easy to read out over the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "SW-" and 7 random characters: about 34 billion numbers, and they don't reveal how many orders a shop has. */
export class RandomOrderNumber implements OrderNumberGenerator {
  constructor(private readonly prefix = "SW-") {}

  next(): string {
    let out = this.prefix;
    for (let i = 0; i < 7; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    return out;
  }
}
