import type { Kysely } from 'kysely';
import { scenarioHash, score, type Scenario, type ScoreResult, type SessionEvent } from '../../../src/engine';
import type { Database } from '../../../src/server/db/schema';
import { storedSession } from '../../../src/server/db/stored-session';

/** The sample station's attempts a generated session is one of: clean, one wrong press, the stop forgotten. */
function variants(scenario: Scenario, padding: number): { events: SessionEvent[]; json: string; result: ScoreResult }[] {
  const pad: SessionEvent[] = Array.from({ length: padding }, (_, i) => ({ t: 100 + i, action: 'inspect', object: 'nothing-here', device: 'desktop' }));
  const base = 100 + padding;
  const logs: SessionEvent[][] = [
    [...pad, { t: base + 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' }, { t: base + 3500, action: 'press', object: 'start-button', device: 'desktop' }, { t: base + 6000, action: 'press', object: 'stop-button', device: 'desktop' }],
    [
      ...pad,
      { t: base + 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
      { t: base + 3500, action: 'press', object: 'start-button', device: 'desktop' },
      { t: base + 4000, action: 'press', object: 'start-button', device: 'desktop' },
      { t: base + 6000, action: 'press', object: 'stop-button', device: 'desktop' },
    ],
    [...pad, { t: base + 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' }, { t: base + 3500, action: 'press', object: 'start-button', device: 'desktop' }],
  ];
  return logs.map((events) => ({ events, json: JSON.stringify(events), result: score(scenario, events, 'practice') }));
}

export interface GeneratedSessions {
  /** Sessions written; trainee i of `trainees` played sessions i, i + n, i + 2n, … */
  count: number;
  /** Per variant index, how many sessions used it (for expected aggregates). */
  perVariant: number[];
  variants: ScoreResult[];
}

/**
 * Sessions written straight into the database (no HTTP, no replay per row): the same three scored
 * attempts of the sample station over and over, spread over the given trainees and over time.
 * `legacy` writes them as a release before issue 17 did (event log and score in the row), for the
 * migration's tests; otherwise as the server stores them now (`sessionRow` may take columns out). `paddingEvents` sets the event log size.
 */
export async function generateSessions(
  db: Kysely<Database>,
  opts: { scenario: Scenario; organisationId: string; trainees: string[]; count: number; legacy?: boolean; paddingEvents?: number; batch?: number; start?: number; idPrefix?: string; sessionRow?: <T extends object>(row: T) => T },
): Promise<GeneratedSessions> {
  const vs = variants(opts.scenario, opts.paddingEvents ?? 0);
  const hash = scenarioHash(opts.scenario);
  const perVariant = vs.map(() => 0);
  const batch = opts.batch ?? 400;
  const start = opts.start ?? Date.parse('2026-01-05T08:00:00.000Z');
  const prefix = opts.idPrefix ?? '00000000';
  for (let from = 0; from < opts.count; from += batch) {
    const n = Math.min(batch, opts.count - from);
    const made = Array.from({ length: n }, (_, k) => {
      const i = from + k;
      // Deterministic, spread: 1 in 3 has the wrong press, 1 in 7 forgets the stop.
      const v = i % 7 === 3 ? 2 : i % 3 === 1 ? 1 : 0;
      perVariant[v]!++;
      const variant = vs[v]!;
      const ended = start + i * 37_000;
      const row = {
        id: `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        scenario_id: opts.scenario.id,
        scenario_version: opts.scenario.version,
        scenario_hash: hash,
        mode: i % 5 === 0 ? 'exam' : 'practice',
        device: i % 2 ? 'vr-controller' : 'desktop',
        language: 'nl',
        started_at: new Date(ended - 6000 - (i % 50) * 1000).toISOString(),
        ended_at: new Date(ended).toISOString(),
        duration_ms: 6000 + (i % 50) * 1000,
        client_score: variant.result.total,
        score: variant.result.total,
        passed: variant.result.passed ? 1 : 0,
        score_mismatch: 0,
        received_at: new Date(ended + 1000).toISOString(),
        content_hash: null,
        organisation_id: opts.organisationId,
        trainee_id: opts.trainees[i % opts.trainees.length]!,
      };
      return { row, variant };
    });
    await db.transaction().execute(async (tx) => {
      if (opts.legacy) {
        await tx
          .insertInto('sessions')
          .values(made.map(({ row, variant }) => ({ ...row, events_json: variant.json, result_json: JSON.stringify(variant.result) }) as never))
          .execute();
        return;
      }
      const stored = made.map(({ row, variant }) => storedSession(row, variant.result, variant.json));
      // `sessionRow` shapes the row as an older release stored it (a migration's test).
      await tx.insertInto('sessions').values(stored.map((s) => (opts.sessionRow ? opts.sessionRow(s.session) : s.session))).execute();
      await tx.insertInto('session_events').values(stored.map((s) => s.events)).execute();
      const steps = stored.flatMap((s) => s.steps);
      for (let i = 0; i < steps.length; i += 2000) await tx.insertInto('session_steps').values(steps.slice(i, i + 2000)).execute();
    });
  }
  return { count: opts.count, perVariant, variants: vs.map((v) => v.result) };
}
