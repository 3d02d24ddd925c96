import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const admin = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('npm run admin', () => {
  test('--help prints the usage and the dashboard address, and exits 0', () => {
    const r = admin(['--help'], { PORT: '8123' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run admin -- create-organisation --name "<organisation>" --country <BE|NL> --email <admin e-mail>');
    expect(r.stdout).toContain('The trainer dashboard (after npm start): http://localhost:8123/dashboard');
  });

  test('create-organisation --help prints the usage too (the hint npm start gives)', () => {
    const r = admin(['create-organisation', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage:');
  });

  test('a missing option prints the usage on stderr and exits 2', () => {
    const r = admin(['create-organisation', '--name', 'X']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});
