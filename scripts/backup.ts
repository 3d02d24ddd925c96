// `npm run backup`: a consistent copy of the results database into DATA_DIR/backups/ (data/backups/
// by default) with a timestamped name, while the server keeps running. SQLite through its online
// backup API; with DATABASE_URL set, pg_dump. Restoring: docs/operations.md.
import { backupPostgres, backupSqlite } from '../src/server/backup';
import { readSettings } from '../src/server/settings';

async function main() {
  const settings = readSettings(process.env);
  if (settings.databaseUrl) {
    const r = backupPostgres(settings.databaseUrl, settings.dataDir);
    console.log(`PostgreSQL backup written: ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, pg_dump custom format).`);
    console.log('Restore with pg_restore: see docs/operations.md.');
    return;
  }
  const r = await backupSqlite(settings.dataDir);
  console.log(`SQLite backup written: ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.sessions} sessions, integrity check ok).`);
  console.log('Restore: stop the server and copy this file over werkvloer.sqlite; see docs/operations.md.');
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
