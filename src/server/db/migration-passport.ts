import type { Kysely, Migration } from 'kysely';

/**
 * The skills passport (issue 29): each organisation's signing keys (the secret half sealed with the
 * server secret), its status lists, and one row per credential — queued when a module is mastered,
 * signed by the background issuer, revocable.
 */
export const passportMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('passport_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('serial', 'integer', (c) => c.notNull())
      .addColumn('public_key_multibase', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addUniqueConstraint('passport_keys_serial', ['organisation_id', 'serial'])
      .execute();
    await db.schema
      .createTable('passport_status_lists')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('key_id', 'text', (c) => c.notNull().references('passport_keys.id'))
      .addColumn('next_index', 'integer', (c) => c.notNull())
      .addColumn('revoked_json', 'text', (c) => c.notNull())
      .addColumn('signed_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('passport_status_lists_key').on('passport_status_lists').columns(['key_id', 'created_at']).execute();
    await db.schema
      .createTable('passport_credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('trainee_id', 'text', (c) => c.notNull())
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('achieved_at', 'text', (c) => c.notNull())
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('issued_at', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('key_id', 'text')
      .addColumn('status_list_id', 'text')
      .addColumn('status_index', 'integer')
      .addColumn('credential_json', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    await db.schema.createIndex('passport_credentials_trainee').on('passport_credentials').columns(['trainee_id', 'achieved_at']).execute();
    await db.schema.createIndex('passport_credentials_due').on('passport_credentials').columns(['state', 'queued_at']).execute();
    // The name a trainer may enter, with the trainee's consent, for the credentials issued from then on.
    await db.schema
      .createTable('passport_subjects')
      .addColumn('trainee_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('consent_by', 'text', (c) => c.notNull())
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('passport_subjects').execute();
    await db.schema.dropTable('passport_credentials').execute();
    await db.schema.dropTable('passport_status_lists').execute();
    await db.schema.dropTable('passport_keys').execute();
  },
};
