import { spawnSync } from 'node:child_process';

/**
 * An organisation and its first admin, made the way a centre makes it: `npm run admin --
 * create-organisation`, on the e2e server's SQLite database in `dataDir`. Throws with the tool's output.
 */
export function createOrganisation(opts: { dataDir: string; name: string; country: 'BE' | 'NL'; email: string; password: string }): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: opts.dataDir, WERKVLOER_ADMIN_PASSWORD: opts.password };
  delete env.DATABASE_URL; // the e2e server runs on SQLite in dataDir
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-organisation', '--name', opts.name, '--country', opts.country, '--email', opts.email], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`create-organisation failed:\n${made.stdout}${made.stderr}`);
}
