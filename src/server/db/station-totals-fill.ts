import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { ScoreResult } from '../../engine';
import { criticalColumns, totalsTerms } from './migration-station-totals';
import type { Database } from './schema';
import { storedLog } from './stored-session';

export interface FillProgress {
  /** Trainees whose totals were summed so far in this run. */
  trainees: number;
  /** Trainees in the database (an upper bound of what is left). */
  total: number;
  elapsedMs: number;
  leftMs: number | null;
  done: boolean;
}

/**
 * Sums the sessions stored before `station_totals` existed into it (migration-station-totals.ts),
 * `batch` trainees per transaction in id order. Each batch first reads the per-competency critical
 * counts of its sessions that have critical violations and no counts yet (from their score
 * details), then replaces the batch's totals by a sum over their sessions. The place is kept in
 * `station_totals_fill` in the same transaction: stopping loses at most the batch in hand, and the
 * next start goes on from there; once done, a start reads one row.
 *
 * Uploads meanwhile (another instance on the same PostgreSQL) stay counted once: the triggers add
 * them, and a batch's recount holds an exclusive lock on the totals for its duration, so an upload
 * either committed before the recount (and is in it) or adds its share after it.
 */
export async function fillStationTotals(db: Kysely<Database>, opts: { batch?: number; onProgress?: (p: FillProgress) => void; now?: () => number } = {}): Promise<number> {
  const batch = opts.batch ?? 20;
  const now = opts.now ?? Date.now;
  const state = await db.selectFrom('station_totals_fill').select(['after', 'done']).where('id', '=', 1).executeTakeFirst();
  if (!state || state.done === 1) return 0;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const started = now();
  let after = state.after;
  let filled = 0;
  let total: number | null = null;
  const terms = totalsTerms('NEW');
  const sums = terms.map(([column, expression]) => sql`sum(${sql.raw(expression.replaceAll('NEW.', 's.'))})`.as(column));
  for (;;) {
    const trainees = (await db.selectFrom('trainees').select('id').where('id', '>', after).orderBy('id').limit(batch).execute()).map((t) => t.id);
    if (trainees.length === 0) break;
    total ??= Number((await db.selectFrom('trainees').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst())?.n ?? 0);
    await db.transaction().execute(async (tx) => {
      if (postgres) await sql`LOCK TABLE station_totals IN EXCLUSIVE MODE`.execute(tx);
      // Critical violations per competency, for sessions stored before the columns: only those with one.
      const unread = await tx
        .selectFrom('sessions as s')
        .select(['s.id', (eb) => storedLog(eb, 'result_json')])
        .where('s.trainee_id', 'in', trainees)
        .where('s.critical_violations', '>', 0)
        .where('s.crit_safety', 'is', null)
        .execute();
      for (const r of unread) {
        const counts = Object.fromEntries(Object.values(criticalColumns).map((c) => [c, 0])) as Record<string, number>;
        try {
          for (const v of (JSON.parse(r.result_json) as ScoreResult).violations) {
            const column = criticalColumns[v.competency];
            if (v.critical && column) counts[column]!++;
          }
        } catch {
          // Score details that cannot be read count no competency (the session's total is still counted).
        }
        await tx.updateTable('sessions').set(counts).where('id', '=', r.id).execute();
      }
      // The rest of the old rows: no critical violation, so 0 for every competency.
      await tx
        .updateTable('sessions')
        .set(Object.fromEntries(Object.values(criticalColumns).map((c) => [c, 0])))
        .where('trainee_id', 'in', trainees)
        .where('crit_safety', 'is', null)
        .where((eb) => eb.or([eb('critical_violations', 'is', null), eb('critical_violations', '=', 0)]))
        .execute();
      await tx.deleteFrom('station_totals').where('trainee_id', 'in', trainees).execute();
      await tx
        .insertInto('station_totals')
        .columns(['trainee_id', 'scenario_id', 'mode', ...(terms.map(([c]) => c) as never[])])
        .expression(
          tx
            .selectFrom('sessions as s')
            .select(['s.trainee_id', 's.scenario_id', 's.mode', ...sums] as never[])
            .where('s.trainee_id', 'in', trainees)
            .groupBy(['s.trainee_id', 's.scenario_id', 's.mode']) as never,
        )
        .execute();
      await tx.updateTable('station_totals_fill').set({ after: trainees.at(-1)! }).where('id', '=', 1).execute();
    });
    filled += trainees.length;
    after = trainees.at(-1)!;
    const elapsedMs = now() - started;
    opts.onProgress?.({ trainees: filled, total, elapsedMs, leftMs: Math.round((elapsedMs / filled) * Math.max(0, total - filled)), done: false });
  }
  await db.updateTable('station_totals_fill').set({ done: 1 }).where('id', '=', 1).execute();
  if (filled > 0) opts.onProgress?.({ trainees: filled, total: total ?? filled, elapsedMs: now() - started, leftMs: 0, done: true });
  return filled;
}

/** The start-up line for a fill in progress. */
export function fillMessage(p: FillProgress): string {
  if (p.done) return `werkvloer: running totals summed for ${p.trainees.toLocaleString('en-US')} trainees in ${Math.round(p.elapsedMs / 1000)} s`;
  const left = p.leftMs === null ? 'estimating' : p.leftMs > 90_000 ? `about ${Math.round(p.leftMs / 60_000)} min left` : `about ${Math.round(p.leftMs / 1000)} s left`;
  return `werkvloer: summing each trainee's running totals (once, after the upgrade): ${p.trainees.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} trainees, ${left}; safe to stop, the next start goes on from here`;
}
