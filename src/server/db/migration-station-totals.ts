import { sql, PostgresAdapter, type Kysely, type Migration } from 'kysely';
import { competencyColumns } from './migration-event-log';

/** Per competency, how many of a session's critical violations were of it (0 when none; null before the fill read it). */
export const criticalColumns = {
  safety: 'crit_safety',
  quality: 'crit_quality',
  numeracy: 'crit_numeracy',
  language: 'crit_language',
  'problem-solving': 'crit_problem_solving',
  procedure: 'crit_procedure',
} as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * What one session adds to its trainee's running totals for its station and mode, as SQL over the
 * trigger's row (`NEW` or `OLD`): [column of station_totals, expression]. Names come from the fixed
 * lists above, never from a request.
 */
export function totalsTerms(r: 'NEW' | 'OLD'): [string, string][] {
  return [
    ['attempts', '1'],
    ['passed', `${r}.passed`],
    ['score_sum', `${r}.score`],
    ['failed_by_critical', `CASE WHEN ${r}.critical_violations > 0 THEN 1 ELSE 0 END`],
    ['critical_violations', `COALESCE(${r}.critical_violations, 0)`],
    ['violations', `COALESCE(${r}.violations, 0)`],
    ...Object.values(competencyColumns).flatMap((c): [string, string][] => [
      [`${c}_sum`, `COALESCE(${r}.${c}, 0)`],
      [`${c}_n`, `CASE WHEN ${r}.${c} IS NULL THEN 0 ELSE 1 END`],
    ]),
    ...Object.values(criticalColumns).map((c): [string, string] => [c, `COALESCE(${r}.${c}, 0)`]),
  ];
}

/** The session columns the totals are made of: an update of any of them moves the session's share. */
const watched = ['trainee_id', 'scenario_id', 'mode', 'score', 'passed', 'critical_violations', 'violations', ...Object.values(competencyColumns), ...Object.values(criticalColumns)];

/**
 * Issue 17: a trainee's coaching view and a group's progress report compare a trainee with their
 * whole group. Aggregating every session of the group per request took 0.7–1.9 s at 200,000
 * sessions; `station_totals` keeps, per trainee, station and mode (exam or practice), the running
 * sums those views show — attempts, passed, score, critical failures and violations, per-competency
 * sums and counts, critical violations per competency — so a group costs its trainees × stations.
 *
 * Triggers on `sessions` keep them (insert: add; delete: subtract; an update of a counted column:
 * both), so an upload, a retry refused by the primary key (no row, no change), the event-log move,
 * the retention purge and an erase all keep them right, exactly once, inside the statement's own
 * transaction. Rows stored before this migration are summed afterwards by `fillStationTotals`
 * (station-totals-fill.ts), a trainee batch at a time, resumable: its place is kept in
 * `station_totals_fill`.
 */
export const stationTotalsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of Object.values(criticalColumns)) await db.schema.alterTable('sessions').addColumn(column, 'integer').execute();
    let table = db.schema
      .createTable('station_totals')
      .addColumn('trainee_id', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull());
    for (const [column] of totalsTerms('NEW')) {
      // Competency sums are of unrounded sub-scores in older rows: a float column keeps them exact enough.
      table = table.addColumn(column, column.endsWith('_sum') && column !== 'score_sum' ? 'double precision' : 'integer', (c) => c.notNull().defaultTo(0));
    }
    await table.addPrimaryKeyConstraint('station_totals_pk', ['trainee_id', 'scenario_id', 'mode']).execute();
    await db.schema
      .createTable('station_totals_fill')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      // The last trainee id whose totals were summed from their sessions; '' before the first batch.
      .addColumn('after', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('station_totals_fill' as never).values({ id: 1, after: '', done: 0 } as never).execute();

    const add = totalsTerms('NEW');
    const columns = add.map(([c]) => c).join(', ');
    const insertTotals = (prefix: string) =>
      `INSERT INTO station_totals (trainee_id, scenario_id, mode, ${columns})
       SELECT NEW.trainee_id, NEW.scenario_id, NEW.mode, ${add.map(([, e]) => e).join(', ')} WHERE NEW.trainee_id IS NOT NULL
       ON CONFLICT (trainee_id, scenario_id, mode) DO UPDATE SET ${add.map(([c]) => `${c} = ${prefix}${c} + excluded.${c}`).join(', ')}`;
    const subtractTotals = `UPDATE station_totals SET ${totalsTerms('OLD').map(([c, e]) => `${c} = ${c} - (${e})`).join(', ')}
       WHERE trainee_id = OLD.trainee_id AND scenario_id = OLD.scenario_id AND mode = OLD.mode`;
    if (isPostgres(db)) {
      await sql
        .raw(
          `CREATE FUNCTION werkvloer_station_totals() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP <> 'INSERT' AND OLD.trainee_id IS NOT NULL THEN ${subtractTotals}; END IF;
             IF TG_OP <> 'DELETE' THEN ${insertTotals('station_totals.')}; END IF;
             RETURN NULL;
           END $$`,
        )
        .execute(db);
      await sql.raw(`CREATE TRIGGER sessions_station_totals AFTER INSERT OR DELETE OR UPDATE OF ${watched.join(', ')} ON sessions FOR EACH ROW EXECUTE FUNCTION werkvloer_station_totals()`).execute(db);
    } else {
      await sql.raw(`CREATE TRIGGER sessions_totals_add AFTER INSERT ON sessions WHEN NEW.trainee_id IS NOT NULL BEGIN ${insertTotals('')}; END`).execute(db);
      await sql.raw(`CREATE TRIGGER sessions_totals_subtract AFTER DELETE ON sessions WHEN OLD.trainee_id IS NOT NULL BEGIN ${subtractTotals}; END`).execute(db);
      await sql.raw(`CREATE TRIGGER sessions_totals_move AFTER UPDATE OF ${watched.join(', ')} ON sessions BEGIN ${subtractTotals}; ${insertTotals('')}; END`).execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    if (isPostgres(db)) await sql.raw('DROP FUNCTION werkvloer_station_totals() CASCADE').execute(db);
    else for (const t of ['sessions_totals_add', 'sessions_totals_subtract', 'sessions_totals_move']) await sql.raw(`DROP TRIGGER ${t}`).execute(db);
    await db.schema.dropTable('station_totals_fill').execute();
    await db.schema.dropTable('station_totals').execute();
    for (const column of Object.values(criticalColumns)) await db.schema.alterTable('sessions').dropColumn(column).execute();
  },
};
