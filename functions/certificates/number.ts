/**
 * Certificate numbers: `NS-<year>-XXXX-XXXX`, e.g. `NS-2027-7K4M-QX9D`.
 *
 * Eight symbols from a 30-symbol alphabet (digits 2–9 and letters without I, L, O, U: none of
 * 0/O, 1/I/L, U/V can be confused when read aloud, handwritten or typed), crypto-random:
 * 30^8 ≈ 6.6 × 10^11 numbers per year (≈ 39 bits). With the per-address rate limit on the
 * verification API, guessing a valid number is impractical (at 10^5 certificates a year, one
 * hit per ~6.6 million tries). The year makes a number readable and grows the space yearly.
 */
import { randomBytes } from 'node:crypto';
import { NUMBER_ALPHABET } from './number-format';

export { NUMBER_ALPHABET, NUMBER_PATTERN, normaliseCertificateNumber } from './number-format';

const SYMBOLS = 8;

/** The year in Malaysia (UTC+8) of an instant. */
export const malaysianYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/**
 * A new number. `random` returns random bytes (tests inject it); rejection sampling keeps
 * every symbol equally likely (256 is not a multiple of 30).
 */
export function newCertificateNumber(at: Date, random: () => Uint8Array = () => randomBytes(16)): string {
  const limit = 256 - (256 % NUMBER_ALPHABET.length);
  let out = '';
  for (let rounds = 0; out.length < SYMBOLS; rounds++) {
    if (rounds > 64) throw new Error('newCertificateNumber: the random source gives no usable bytes');
    for (const byte of random()) {
      if (byte < limit && out.length < SYMBOLS) out += NUMBER_ALPHABET[byte % NUMBER_ALPHABET.length];
    }
  }
  return `NS-${malaysianYear(at)}-${out.slice(0, 4)}-${out.slice(4)}`;
}

