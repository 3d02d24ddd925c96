import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * SERVER_SECRET when set (several instances on one PostgreSQL must share it); else a random secret
 * made once and kept in DATA_DIR/server-secret, readable by the server's user only. Losing it means
 * stored LRS credentials must be entered again, nothing more.
 */
export function loadServerSecret(dataDir: string, fromSetting: string | null): string {
  if (fromSetting) return fromSetting;
  const file = join(dataDir, 'server-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // wx: two instances starting together keep the first one's secret.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
  return secret;
}
