import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { accountsMigration } from './migration-accounts';
import { countryMigration } from './migration-country';
import { dashboardMigration } from './migration-dashboard';
import { eventLogMigration } from './migration-event-log';
import { hardeningMigration } from './migration-hardening';
import { organisationsMigration } from './migration-organisations';
import { privacyMigration } from './migration-privacy';
import { stationTotalsMigration } from './migration-station-totals';
import { learningPathsMigration } from './migration-learning-paths';
import { sessionLearningPathsMigration } from './migration-session-learning-paths';
import { xapiMigration } from './migration-xapi';
import { traineeNotesMigration } from './migration-trainee-notes';
import { trainerEmailMigration } from './migration-trainer-email';
import { passportMigration } from './migration-passport';
import { passportKeyWithdrawalMigration } from './migration-passport-key-withdrawal';
import { voicesMigration } from './migration-voices';

/**
 * Migrations as code, listed here rather than read from a folder, so they run the same from
 * source (tsx), from a bundle and in tests; each works on SQLite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '2026-11-26-001-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('scenario_hash', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('events_json', 'text', (c) => c.notNull())
        .addColumn('client_score', 'integer', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('score_mismatch', 'integer', (c) => c.notNull())
        .addColumn('result_json', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_scenario').on('sessions').columns(['scenario_id', 'received_at']).execute();
      await db.schema
        .createTable('scenario_versions')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();
      await db.schema.createIndex('scenario_versions_id').on('scenario_versions').columns(['scenario_id', 'version']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('scenario_versions').execute();
      await db.schema.dropTable('sessions').execute();
    },
  },
  // Idempotency by the canonical hash of the whole upload: the scenario hash stored in a row may be
  // the server's (found by id + version), so comparing columns could call a true retry a conflict.
  '2026-11-26-002-session-content-hash': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sessions').addColumn('content_hash', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('sessions').dropColumn('content_hash').execute();
    },
  },
  '2026-11-26-003-organisations': organisationsMigration,
  '2026-11-26-004-privacy-indexes': privacyMigration,
  '2026-11-26-005-dashboard-assignments': dashboardMigration,
  '2026-11-27-006-organisation-country': countryMigration,
  '2026-12-06-accounts': accountsMigration,
  '2026-12-06-hardening-tokens-exam-attempts': hardeningMigration,
  '2026-12-06-dashboard-trainee-notes': traineeNotesMigration,
  // Named to sort after the hardening migration (Kysely runs them in name order).
  '2026-12-06-session-event-log': eventLogMigration,
  '2026-12-06-xapi-forwarding': xapiMigration,
  '2026-12-07-trainer-email-per-organisation': trainerEmailMigration,
  '2026-12-08-skills-passport': passportMigration,
  '2026-12-08-station-totals': stationTotalsMigration,
  '2026-12-09-learning-paths': learningPathsMigration,
  '2026-12-09-voice-recordings': voicesMigration,
  '2026-12-09-xapi-session-learning-paths': sessionLearningPathsMigration,
  '2026-12-10-passport-key-withdrawal': passportKeyWithdrawalMigration,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
