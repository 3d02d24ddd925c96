import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Trainer passwords: argon2id (`@node-rs/argon2`, a prebuilt binary from the npm registry) in the
 * PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so the cost can rise later while old
 * hashes still verify. Hashes from before argon2id (`scrypt$N$r$p$salt$hash`, node:crypto) still
 * verify and are replaced at the trainer's next login (see `needsRehash`).
 */
// The package's enum is `const` and ambient, which isolatedModules cannot read: its value, typed.
const argon2id = 2 as Algorithm;
/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 30 ms on the 2-core machines). */
export const argon2Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } satisfies Options;
const currentPrefix = `$argon2id$v=19$m=${argon2Options.memoryCost},t=${argon2Options.timeCost},p=${argon2Options.parallelism}$`;

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password.normalize('NFC'), argon2Options);
}

const scryptFormat = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;
const argon2Format = /^\$argon2id\$v=19\$m=\d{1,7},t=\d{1,3},p=\d{1,3}\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128}$/;

function scryptKey(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes of memory; maxmem must allow it with headroom.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (argon2Format.test(stored)) {
    try {
      return await argon2Verify(stored, password.normalize('NFC'));
    } catch {
      return false;
    }
  }
  const m = scryptFormat.exec(stored);
  if (!m) return false;
  const cost = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Only the costs this server ever wrote: a tampered row cannot make a login allocate gigabytes.
  if (cost.N > 2 ** 17 || cost.r > 16 || cost.p > 4) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  const key = await scryptKey(password, Buffer.from(m[4]!, 'base64url'), cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True for a hash in an older format or at a lower cost: after a good login, store a new one. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(currentPrefix);
}

/** Verifying against this when the e-mail is unknown takes as long as a real check: no account probing by timing. */
export const dummyHash = `${currentPrefix}${randomBytes(16).toString('base64').replace(/=+$/, '')}$${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
