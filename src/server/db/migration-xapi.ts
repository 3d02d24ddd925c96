import type { Kysely, Migration } from 'kysely';

/**
 * LRS forwarding (issue 31): one connection per organisation, and the statements waiting for it.
 * The outbox is found by what is due (status, next attempt), by organisation for the dashboard,
 * and by session so a session's statements are queued once and go when the session goes.
 */
export const xapiMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('lrs_connections')
      .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
      .addColumn('endpoint', 'text', (c) => c.notNull())
      .addColumn('auth_kind', 'text', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('token_url', 'text')
      .addColumn('scope', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('queued_from', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('xapi_outbox')
      .addColumn('statement_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('statement_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_status', 'integer')
      .addColumn('last_answer', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('xapi_outbox_due').on('xapi_outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('xapi_outbox_organisation').on('xapi_outbox').columns(['organisation_id', 'status', 'updated_at']).execute();
    await db.schema.createIndex('xapi_outbox_session').on('xapi_outbox').column('session_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('xapi_outbox').execute();
    await db.schema.dropTable('lrs_connections').execute();
  },
};
