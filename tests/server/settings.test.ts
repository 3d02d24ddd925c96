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

describe('RETENTION_DAYS', () => {
  test('is off by default and with "off"; a whole number of days otherwise', () => {
    expect(readSettings({}).retentionDays).toBeNull();
    expect(readSettings({ RETENTION_DAYS: 'off' }).retentionDays).toBeNull();
    expect(readSettings({ RETENTION_DAYS: '365' }).retentionDays).toBe(365);
  });
  test.each(['0', '-3', '1.5', 'a year', '99999'])('"%s" stops the start, naming the variable', (v) => {
    expect(() => readSettings({ RETENTION_DAYS: v })).toThrow(/RETENTION_DAYS must be a whole number of days/);
  });
});

describe('POSE_RETENTION_DAYS', () => {
  test('is 90 days by default, "off" (kept as long as the session) or a whole number of days', () => {
    expect(readSettings({}).poseRetentionDays).toBe(90);
    expect(readSettings({ POSE_RETENTION_DAYS: 'off' }).poseRetentionDays).toBeNull();
    expect(readSettings({ POSE_RETENTION_DAYS: '14' }).poseRetentionDays).toBe(14);
  });
  test.each(['0', '1.5', 'a month'])('"%s" stops the start, naming the variable', (v) => {
    expect(() => readSettings({ POSE_RETENTION_DAYS: v })).toThrow(/POSE_RETENTION_DAYS must be a whole number of days/);
  });
});
