import type { Kysely, Migration } from 'kysely';

/**
 * Trainers' short notes on a trainee (issue 27): what to practise next, what was discussed. Kept
 * with the organisation so a note is never read across organisations, and removed with the trainee.
 */
export const traineeNotesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('trainee_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('author_email', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trainee_notes_trainee').on('trainee_notes').columns(['trainee_id', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('trainee_notes').execute();
  },
};
