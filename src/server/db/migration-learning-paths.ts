import type { Kysely, Migration } from 'kysely';

/**
 * Learning paths (issue 26): a group's path, the modules each trainee mastered (per major version,
 * never lost when the path or the group changes) and the trainers' opens and locks by hand.
 * Removed with the trainee (foreign keys, and the erase route deletes them explicitly too).
 */
export const learningPathsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('group_paths')
      .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('path_json', 'text', (c) => c.notNull())
      .addColumn('source_path_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('module_masteries')
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('mastered_at', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('module_masteries_pk', ['trainee_id', 'scenario_id', 'version'])
      .execute();
    await db.schema
      .createTable('module_overrides')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id').onDelete('cascade'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('open', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('trainer_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('module_overrides_trainee').on('module_overrides').columns(['trainee_id', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('module_overrides').execute();
    await db.schema.dropTable('module_masteries').execute();
    await db.schema.dropTable('group_paths').execute();
  },
};
