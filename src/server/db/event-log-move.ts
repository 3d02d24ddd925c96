import type { Kysely } from 'kysely';
import type { ScoreResult } from '../../engine';
import type { Database } from './schema';
import { scoreColumns, stepRows } from './stored-session';

export interface MoveProgress {
  moved: number;
  /** Sessions in the database (an upper bound of what is left to move). */
  total: number;
  elapsedMs: number;
  /** Estimated time left from the rate so far; null before the first batch. */
  leftMs: number | null;
  done: boolean;
}

/**
 * Moves the event logs and score details of sessions stored before issue 17 out of their rows into
 * `session_events`, filling the narrow aggregate columns and `session_steps` on the way. Batches in
 * id order, each its own transaction: stopping (a restart, a crash) loses at most the batch in hand,
 * and the next start goes on where it was (moved rows have an empty event log and are skipped by a
 * cheap read). On a new or moved database it reads one batch of narrow rows and returns.
 */
export async function moveEventLogs(db: Kysely<Database>, opts: { batch?: number; onProgress?: (p: MoveProgress) => void; now?: () => number } = {}): Promise<number> {
  const batch = opts.batch ?? 500;
  const now = opts.now ?? Date.now;
  const started = now();
  let moved = 0;
  let total: number | null = null;
  let after = '';
  for (;;) {
    // The id and the length only: the whole event log is read for the rows of this batch, below.
    const candidates = await db
      .selectFrom('sessions')
      .select('id')
      .where('id', '>', after)
      .where('events_json', '!=', '')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (candidates.length === 0) break;
    if (total === null) {
      const n = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      total = Number(n?.n ?? 0);
    }
    const ids = candidates.map((c) => c.id);
    await db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('sessions').select(['id', 'trainee_id', 'scenario_id', 'events_json', 'result_json']).where('id', 'in', ids).execute();
      const events = rows.map((r) => ({ session_id: r.id, events_json: r.events_json, result_json: r.result_json }));
      await tx.insertInto('session_events').values(events).onConflict((oc) => oc.column('session_id').doNothing()).execute();
      for (const r of rows) {
        let result: ScoreResult | null = null;
        try {
          result = JSON.parse(r.result_json) as ScoreResult;
        } catch {
          // A row whose score details cannot be read keeps them in session_events as they were; no aggregates.
        }
        if (result && Array.isArray(result.steps) && Array.isArray(result.violations) && result.competencies) {
          const steps = stepRows(r.id, r.trainee_id, r.scenario_id, result);
          if (steps.length > 0) await tx.insertInto('session_steps').values(steps).onConflict((oc) => oc.columns(['session_id', 'step_id']).doNothing()).execute();
          await tx.updateTable('sessions').set({ ...scoreColumns(result), events_json: '', result_json: '' }).where('id', '=', r.id).execute();
        } else {
          await tx.updateTable('sessions').set({ events_json: '', result_json: '' }).where('id', '=', r.id).execute();
        }
      }
    });
    moved += ids.length;
    after = ids.at(-1)!;
    const elapsedMs = now() - started;
    const left = Math.max(0, total - moved);
    opts.onProgress?.({ moved, total, elapsedMs, leftMs: moved > 0 ? Math.round((elapsedMs / moved) * left) : null, done: false });
  }
  if (moved > 0) opts.onProgress?.({ moved, total: total ?? moved, elapsedMs: now() - started, leftMs: 0, done: true });
  return moved;
}

/** The start-up line for a move in progress: how far, and about how long is left. */
export function moveMessage(p: MoveProgress): string {
  if (p.done) return `werkvloer: event logs moved out of ${p.moved.toLocaleString('en-US')} session rows in ${Math.round(p.elapsedMs / 1000)} s`;
  const left = p.leftMs === null ? 'estimating' : p.leftMs > 90_000 ? `about ${Math.round(p.leftMs / 60_000)} min left` : `about ${Math.round(p.leftMs / 1000)} s left`;
  return `werkvloer: moving event logs out of the session rows (once, after the upgrade): ${p.moved.toLocaleString('en-US')} of at most ${p.total.toLocaleString('en-US')}, ${left}; safe to stop, the next start goes on from here`;
}
