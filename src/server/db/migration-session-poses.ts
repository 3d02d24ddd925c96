import type { Kysely, Migration } from 'kysely';

/**
 * Head and hands per session (issue 28): beside the session, not in it, so lists never read them
 * and the retention job can delete them sooner than the session (motion can identify a person).
 * They go with their session (cascade) when it is erased or purged.
 */
export const sessionPosesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_poses')
      .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
      .addColumn('layout_hash', 'text')
      .addColumn('hz', 'integer', (c) => c.notNull())
      .addColumn('sample_count', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_poses_received').on('session_poses').column('received_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('session_poses').execute();
  },
};
