import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The server secret that seals stored second-factor secrets. `SERVER_SECRET` (64 hex characters,
 * the same for every instance on one PostgreSQL), or else `<DATA_DIR>/server-secret`, made on the
 * first start, readable by the server's user only. Losing it means every trainer sets up their
 * second factor again (`npm run admin -- reset-second-factor`), nothing worse.
 */
export function loadServerSecret(env: string | undefined, dataDir: string): Buffer {
  if (env !== undefined && env !== '') {
    if (!/^[0-9a-fA-F]{64,}$/.test(env)) throw new Error('SERVER_SECRET must be at least 64 hex characters (32 random bytes, e.g. `openssl rand -hex 32`)');
    return Buffer.from(env, 'hex');
  }
  const file = join(dataDir, 'server-secret');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} is not a server secret (64 hex characters); remove it to make a new one`);
    return Buffer.from(text, 'hex');
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // `wx`: two processes starting at once never overwrite each other's secret.
  try {
    writeFileSync(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadServerSecret(undefined, dataDir);
    throw error;
  }
  return secret;
}
