import { describe, expect, test } from 'vitest';
import { readSettings } from '../../src/server/settings';

describe('readSettings', () => {
  test('defaults: HTTP 8080 and HTTPS 8443 on all interfaces, SQLite under data/', () => {
    const s = readSettings({});
    expect(s).toMatchObject({ host: '0.0.0.0', httpPort: 8080, httpsPort: 8443, databaseUrl: undefined });
    expect(s.dataDir).toMatch(/data$/);
  });
  test('HTTPS can be switched off and ports can be free ones', () => {
    expect(readSettings({ PORT: '0', HTTPS_PORT: 'off' })).toMatchObject({ httpPort: 0, httpsPort: null });
  });
  test('a bad value stops the start and names the variable', () => {
    expect(() => readSettings({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => readSettings({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });
});
