import type { Kysely, Migration } from 'kysely';

/**
 * Issue 18. Trainee tokens: when each was last used and whether a trainer revoked it (one headset,
 * not the whole trainee). Exam attempts: issued by the server before an exam starts, bound to the
 * one session played under it, with the flags the trainer sees (late, implausible). An attempt
 * goes with its trainee when the trainee is erased.
 */
export const hardeningMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('trainee_tokens').addColumn('last_used_at', 'text').execute();
    await db.schema.alterTable('trainee_tokens').addColumn('revoked_at', 'text').execute();
    await db.schema
      .createTable('exam_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.unique())
      .addColumn('bound_at', 'text')
      .addColumn('flags_json', 'text')
      .execute();
    await db.schema.createIndex('exam_attempts_trainee').on('exam_attempts').columns(['trainee_id', 'issued_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('exam_attempts').execute();
    await db.schema.alterTable('trainee_tokens').dropColumn('revoked_at').execute();
    await db.schema.alterTable('trainee_tokens').dropColumn('last_used_at').execute();
  },
};
