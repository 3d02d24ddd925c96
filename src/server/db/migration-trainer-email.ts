import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

const columns = 'id, organisation_id, email, password_hash, role, created_at, totp_secret, totp_pending, totp_last_step, password_changed_at';

/** SQLite cannot drop a column's UNIQUE: the table is rebuilt (sqlite.org/lang_altertable.html, "other changes"). */
async function rebuildSqliteTrainers(db: Kysely<unknown>, emailConstraint: string): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction, on the one connection: the pragma holds for
  // the rebuild. With foreign keys on, dropping `trainers` would cascade into sessions and codes.
  await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
  try {
    await sql.raw('BEGIN').execute(db);
    try {
      await sql
        .raw(
          `CREATE TABLE trainers_rebuilt (
            id text PRIMARY KEY,
            organisation_id text NOT NULL REFERENCES organisations (id),
            email text NOT NULL,
            password_hash text NOT NULL,
            role text NOT NULL,
            created_at text NOT NULL,
            totp_secret text,
            totp_pending text,
            totp_last_step integer,
            password_changed_at text,
            ${emailConstraint}
          )`,
        )
        .execute(db);
      await sql.raw(`INSERT INTO trainers_rebuilt (${columns}) SELECT ${columns} FROM trainers`).execute(db);
      await sql.raw('DROP TABLE trainers').execute(db);
      // Renaming the new table (not the old one) leaves the child tables' "REFERENCES trainers" as they are.
      await sql.raw('ALTER TABLE trainers_rebuilt RENAME TO trainers').execute(db);
      const broken = await sql.raw('PRAGMA foreign_key_check').execute(db);
      if (broken.rows.length > 0) throw new Error(`trainer rebuild left ${broken.rows.length} broken references`);
      await sql.raw('COMMIT').execute(db);
    } catch (error) {
      await sql.raw('ROLLBACK').execute(db);
      throw error;
    }
  } finally {
    await sql.raw('PRAGMA foreign_keys = ON').execute(db);
  }
}

/**
 * Issue 18 item 10: an e-mail address is unique within an organisation, not across them, so adding a
 * trainer answers the same whether the address has an account in another organisation or not
 * (docs/accounts.md). A login checks every account of the address.
 */
export const trainerEmailMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const perOrganisation = 'CONSTRAINT trainers_organisation_email UNIQUE (organisation_id, email)';
    if (isPostgres(db)) {
      // The name PostgreSQL gave the column's UNIQUE in the organisations migration.
      await sql.raw('ALTER TABLE trainers DROP CONSTRAINT trainers_email_key').execute(db);
      await sql.raw(`ALTER TABLE trainers ADD ${perOrganisation}`).execute(db);
    } else {
      await rebuildSqliteTrainers(db, perOrganisation);
    }
    await db.schema.createIndex('trainers_email').on('trainers').column('email').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('trainers_email').execute();
    if (isPostgres(db)) {
      await sql.raw('ALTER TABLE trainers DROP CONSTRAINT trainers_organisation_email').execute(db);
      await sql.raw('ALTER TABLE trainers ADD CONSTRAINT trainers_email_key UNIQUE (email)').execute(db);
    } else {
      await rebuildSqliteTrainers(db, 'CONSTRAINT trainers_email_key UNIQUE (email)');
    }
  },
};
