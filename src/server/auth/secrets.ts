import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A bearer secret (cookie value, trainee token): 256 random bits. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its hash, so a copied database opens no session. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L, 5/S, 8/B: codes are read off paper by trainees with low literacy and typed on headsets.
const alphabet = '2346789ACDEFGHJKMNPQRTUVWXYZ';

/** A short human code: trainee pseudonyms (e.g. `K7MX-4Q`) and join codes. */
export function humanCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Join codes are typed: spaces, dashes and lower case are forgiven. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
