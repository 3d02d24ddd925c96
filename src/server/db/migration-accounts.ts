import { type Kysely, type Migration } from 'kysely';

/**
 * Trainer accounts (issue 18 items 3, 4, 7): second factors (TOTP secrets encrypted with the
 * server secret, recovery codes by hash), one-time password-reset links by hash, the login
 * challenge between password and second factor, and login throttling shared by every listener
 * and instance. Organisations may require a second factor of their admins.
 */
export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('trainers').addColumn('totp_secret', 'text').execute();
    await db.schema.alterTable('trainers').addColumn('totp_pending', 'text').execute();
    await db.schema.alterTable('trainers').addColumn('totp_last_step', 'integer').execute();
    await db.schema.alterTable('trainers').addColumn('password_changed_at', 'text').execute();
    await db.schema.alterTable('organisations').addColumn('require_admin_totp', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('trainer_recovery_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainer_id', 'text', (c) => c.notNull().references('trainers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trainer_recovery_codes_trainer').on('trainer_recovery_codes').column('trainer_id').execute();
    await db.schema
      .createTable('password_resets')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainer_id', 'text', (c) => c.notNull().references('trainers.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('password_resets_trainer').on('password_resets').column('trainer_id').execute();
    await db.schema
      .createTable('login_challenges')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainer_id', 'text', (c) => c.notNull().references('trainers.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('login_throttle')
      // `account:<e-mail>` or `address:<ip>`.
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_throttle_last').on('login_throttle').column('last_at').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['login_throttle', 'login_challenges', 'password_resets', 'trainer_recovery_codes']) await db.schema.dropTable(table).execute();
    await db.schema.alterTable('organisations').dropColumn('require_admin_totp').execute();
    for (const column of ['password_changed_at', 'totp_last_step', 'totp_pending', 'totp_secret']) await db.schema.alterTable('trainers').dropColumn(column).execute();
  },
};
