import { sql, type Kysely, type Migration } from 'kysely';
import { PostgresAdapter } from 'kysely';

/** The per-competency sub-score columns of a session (0–100 unrounded, null when the station has no step of it). */
export const competencyColumns = {
  safety: 'comp_safety',
  quality: 'comp_quality',
  numeracy: 'comp_numeracy',
  language: 'comp_language',
  'problem-solving': 'comp_problem_solving',
  procedure: 'comp_procedure',
} as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Issue 17: the event log leaves the session rows. Lists, filters and joins read only narrow rows;
 * the ~40 KB event log and the score details live in `session_events`, read for one session at a
 * time. What the dashboard aggregates is kept narrow at upload: the per-competency sub-scores and
 * critical-violation count as columns of `sessions`, each step's outcome in `session_steps`, and
 * per trainee, station and step the running totals in `step_totals` (kept by triggers on
 * `session_steps`, so uploads, the move of old rows, the retention purge and an erase all keep them
 * right). Old rows are moved afterwards, in batches, by `moveEventLogs` (event-log-move.ts).
 */
export const eventLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // Unrounded (87.5 stays 87.5), so an average over sessions equals the average of the scores.
    for (const column of Object.values(competencyColumns)) await db.schema.alterTable('sessions').addColumn(column, 'double precision').execute();
    await db.schema.alterTable('sessions').addColumn('critical_violations', 'integer').execute();
    await db.schema.alterTable('sessions').addColumn('violations', 'integer').execute();
    await db.schema
      .createTable('session_events')
      .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
      .addColumn('events_json', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('session_steps')
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('trainee_id', 'text')
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('mistakes', 'integer', (c) => c.notNull())
      .addColumn('hints', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_steps_pk', ['session_id', 'step_id'])
      .execute();
    await db.schema
      .createTable('step_totals')
      .addColumn('trainee_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('not_done', 'integer', (c) => c.notNull())
      .addColumn('mistakes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('step_totals_pk', ['trainee_id', 'scenario_id', 'step_id'])
      .execute();
    const failed = (r: 'NEW' | 'OLD') => `CASE WHEN ${r}.done = 0 OR ${r}.mistakes > 0 THEN 1 ELSE 0 END`;
    const insertTotals = (prefix: string) =>
      `INSERT INTO step_totals (trainee_id, scenario_id, step_id, attempts, failed, not_done, mistakes)
       VALUES (NEW.trainee_id, NEW.scenario_id, NEW.step_id, 1, ${failed('NEW')}, 1 - NEW.done, NEW.mistakes)
       ON CONFLICT (trainee_id, scenario_id, step_id) DO UPDATE SET attempts = ${prefix}attempts + 1,
         failed = ${prefix}failed + excluded.failed, not_done = ${prefix}not_done + excluded.not_done, mistakes = ${prefix}mistakes + excluded.mistakes`;
    const subtractTotals = `UPDATE step_totals SET attempts = attempts - 1, failed = failed - ${failed('OLD')}, not_done = not_done - (1 - OLD.done), mistakes = mistakes - OLD.mistakes
       WHERE trainee_id = OLD.trainee_id AND scenario_id = OLD.scenario_id AND step_id = OLD.step_id`;
    if (isPostgres(db)) {
      await sql
        .raw(
          `CREATE FUNCTION werkvloer_step_totals() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP = 'INSERT' THEN
               IF NEW.trainee_id IS NOT NULL THEN ${insertTotals('step_totals.')}; END IF;
               RETURN NEW;
             END IF;
             IF OLD.trainee_id IS NOT NULL THEN ${subtractTotals}; END IF;
             RETURN OLD;
           END $$`,
        )
        .execute(db);
      await sql.raw('CREATE TRIGGER session_steps_totals AFTER INSERT OR DELETE ON session_steps FOR EACH ROW EXECUTE FUNCTION werkvloer_step_totals()').execute(db);
    } else {
      await sql.raw(`CREATE TRIGGER session_steps_count AFTER INSERT ON session_steps WHEN NEW.trainee_id IS NOT NULL BEGIN ${insertTotals('')}; END`).execute(db);
      await sql.raw(`CREATE TRIGGER session_steps_uncount AFTER DELETE ON session_steps WHEN OLD.trainee_id IS NOT NULL BEGIN ${subtractTotals}; END`).execute(db);
    }
    // Item 8: sessions_organisation and sessions_organisation_received were the same index, written twice per upload.
    await db.schema.dropIndex('sessions_organisation').execute();
    await db.schema.dropIndex('sessions_organisation_received').execute();
    // The list: one index per sort, organisation first, id last (the keyset's tie-break), so a page
    // is read in order and stops after its rows.
    await db.schema.createIndex('sessions_org_received').on('sessions').columns(['organisation_id', 'received_at', 'id']).execute();
    await db.schema.createIndex('sessions_org_ended').on('sessions').columns(['organisation_id', 'ended_at', 'id']).execute();
    await db.schema.createIndex('sessions_org_score').on('sessions').columns(['organisation_id', 'score', 'id']).execute();
    await db.schema.createIndex('sessions_org_duration').on('sessions').columns(['organisation_id', 'duration_ms', 'id']).execute();
    await db.schema.createIndex('sessions_org_scenario').on('sessions').columns(['organisation_id', 'scenario_id', 'id']).execute();
    // sessions_trainee (trainee_id) is a prefix of sessions_trainee_ended: one fewer index per upload.
    await db.schema.dropIndex('sessions_trainee').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('sessions_trainee').on('sessions').column('trainee_id').execute();
    for (const index of ['sessions_org_scenario', 'sessions_org_duration', 'sessions_org_score', 'sessions_org_ended', 'sessions_org_received']) await db.schema.dropIndex(index).execute();
    await db.schema.createIndex('sessions_organisation_received').on('sessions').columns(['organisation_id', 'received_at']).execute();
    await db.schema.createIndex('sessions_organisation').on('sessions').columns(['organisation_id', 'received_at']).execute();
    if (isPostgres(db)) await sql.raw('DROP FUNCTION werkvloer_step_totals() CASCADE').execute(db);
    await db.schema.dropTable('step_totals').execute();
    await db.schema.dropTable('session_steps').execute();
    await db.schema.dropTable('session_events').execute();
    for (const column of ['violations', 'critical_violations', ...Object.values(competencyColumns)]) await db.schema.alterTable('sessions').dropColumn(column).execute();
  },
};
