import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// An undefined value leaves the variable out of the child's environment.
const admin = (args: string[], env: Record<string, string | undefined> = {}) =>
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

  test('one address may be the admin of two organisations; reset-second-factor then asks which, and resets that one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-admin-cli-'));
    // The terminal's language is English; the database is a SQLite file in DATA_DIR, whatever the caller set.
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, WERKVLOER_ADMIN_PASSWORD: 'blue kettle 7 orchard', LANG: 'en_GB.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };
    try {
      for (const name of ['Atelier', 'Werkhuis']) {
        const made = admin(['create-organisation', '--name', name, '--country', 'BE', '--email', 'kim@shared.test'], env);
        expect(made.stderr).toBe('');
        expect(made.status).toBe(0);
      }
      const ask = admin(['reset-second-factor', '--email', 'kim@shared.test'], env);
      expect(ask.status).toBe(2);
      expect(ask.stderr).toMatch(/--organisation: kim@shared\.test has accounts in "Atelier" \([0-9a-f-]{36}\), "Werkhuis" \([0-9a-f-]{36}\)/);
      const done = admin(['reset-second-factor', '--email', 'kim@shared.test', '--organisation', 'Werkhuis'], env);
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      expect(JSON.parse(done.stdout.split('\n')[0]!)).toMatchObject({ security: 'second-factor-removed', by: 'admin-cli', endedSessions: 0 });
      expect(done.stdout).toContain('The second factor of kim@shared.test (Werkhuis) is removed');
      const nobody = admin(['reset-second-factor', '--email', 'kim@shared.test', '--organisation', 'Elders'], env);
      expect(nobody.status).toBe(1);
      expect(nobody.stderr).toContain('no trainer with the address kim@shared.test in the organisation Elders');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
