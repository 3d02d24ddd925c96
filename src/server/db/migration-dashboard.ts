import type { Kysely, Migration } from 'kysely';

/**
 * Assignments for the trainer dashboard (issue 8): the stations a group sees and who may take an
 * exam. A group with no station rows sees every station (a new group is not locked out).
 */
export const dashboardMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('group_stations')
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('group_stations_pk', ['group_id', 'scenario_id'])
      .execute();
    // An unlock names a group or a trainee (subject_kind), never both; organisation_id scopes every read.
    await db.schema
      .createTable('exam_unlocks')
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('exam_unlocks_pk', ['subject_kind', 'subject_id'])
      .execute();
    // The dashboard lists and filters an organisation's sessions newest first.
    await db.schema.createIndex('sessions_organisation_received').on('sessions').columns(['organisation_id', 'received_at']).execute();
    await db.schema.createIndex('sessions_trainee_ended').on('sessions').columns(['trainee_id', 'ended_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('sessions_trainee_ended').execute();
    await db.schema.dropIndex('sessions_organisation_received').execute();
    await db.schema.dropTable('exam_unlocks').execute();
    await db.schema.dropTable('group_stations').execute();
  },
};
