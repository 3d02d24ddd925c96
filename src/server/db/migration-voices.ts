import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Centre-recorded voices (issue 30). The audio lives in the database, not on disk: backups (SQLite's
 * online copy, pg_dump) carry it, and any number of server instances on one PostgreSQL serve it.
 * A recording keeps the hash of the text it speaks; it is stale (never played) once the text differs.
 */
export const voicesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const blob = isPostgres(db) ? 'bytea' : 'blob';
    await db.schema
      .createTable('voice_recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('line_key', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_sha256', 'text', (c) => c.notNull())
      .addColumn('speaker_id', 'text', (c) => c.notNull())
      .addColumn('speaker_email', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('audio', blob, (c) => c.notNull())
      .addColumn('audio_sha256', 'text', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('voice_recordings_line').on('voice_recordings').columns(['organisation_id', 'language', 'line_key']).execute();
    await db.schema.createIndex('voice_recordings_speaker').on('voice_recordings').columns(['organisation_id', 'speaker_id']).execute();
    await db.schema
      .createTable('voice_consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('trainer_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('statement', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('agreed_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .execute();
    await db.schema.createIndex('voice_consents_trainer').on('voice_consents').columns(['trainer_id', 'agreed_at']).execute();
    await db.schema
      .createTable('voice_permissions')
      .addColumn('trainer_id', 'text', (c) => c.primaryKey().references('trainers.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('voice_sharing')
      .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
      .addColumn('shared', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['voice_sharing', 'voice_permissions', 'voice_consents', 'voice_recordings']) await db.schema.dropTable(t).execute();
  },
};
