import type { Kysely, Migration } from 'kysely';

/** The learning path each session's xAPI statements name, fixed when they are first made (schema-learning-paths.ts). */
export const sessionLearningPathsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_learning_paths')
      .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
      .addColumn('path_id', 'text')
      .addColumn('path_title', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('session_learning_paths').execute();
  },
};
