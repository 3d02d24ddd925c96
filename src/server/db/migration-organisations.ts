import type { Kysely, Migration } from 'kysely';

/**
 * Organisations, trainers, groups and pseudonymous trainees; trainer sessions and trainee tokens
 * live here too, so any number of server instances on one PostgreSQL serve the same users.
 * Portable types only: text ids and ISO timestamps, integers for flags, no engine-specific JSON.
 */
export const organisationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('trainers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('trainer_sessions')
      // sha-256 of the cookie value: a leaked database does not hand out live sessions.
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainer_id', 'text', (c) => c.notNull().references('trainers.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('groups_organisation').on('groups').column('organisation_id').execute();
    await db.schema
      .createTable('trainees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      // The pseudonym trainers and trainees see; never a name or an email.
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('alias', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trainees_group').on('trainees').column('group_id').execute();
    await db.schema
      .createTable('join_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('trainee_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Sessions uploaded before this migration, or without a token, belong to no organisation:
    // no trainer sees them.
    await db.schema.alterTable('sessions').addColumn('organisation_id', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('trainee_id', 'text').execute();
    await db.schema.createIndex('sessions_organisation').on('sessions').columns(['organisation_id', 'received_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('sessions_organisation').execute();
    await db.schema.alterTable('sessions').dropColumn('trainee_id').execute();
    await db.schema.alterTable('sessions').dropColumn('organisation_id').execute();
    for (const table of ['trainee_tokens', 'join_codes', 'trainees', 'groups', 'trainer_sessions', 'trainers', 'organisations']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
