import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for the privacy work: a trainee's export and erase find their sessions by trainee, and
 * the retention purge finds old sessions by the time they arrived, without scanning the table.
 */
export const privacyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('sessions_trainee').on('sessions').column('trainee_id').execute();
    await db.schema.createIndex('sessions_received').on('sessions').column('received_at').execute();
    await db.schema.createIndex('trainee_tokens_trainee').on('trainee_tokens').column('trainee_id').execute();
    await db.schema.createIndex('join_codes_trainee').on('join_codes').column('trainee_id').execute();
  },
  async down(db: Kysely<unknown>) {
    for (const index of ['join_codes_trainee', 'trainee_tokens_trainee', 'sessions_received', 'sessions_trainee']) await db.schema.dropIndex(index).execute();
  },
};
