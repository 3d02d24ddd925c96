import type { Insertable } from 'kysely';
import { score, type Scenario, type ScoreResult, type SessionEvent } from '../engine';
import type { SessionsTable } from './db/schema';
import { scoreColumns, type StoredSession } from './db/stored-session';
import { eventLogJson } from './event-log-check';
import type { SessionBody } from './session-body';
import { uploadHash } from './upload-hash';

/** What an upload's body is, once the route validated it, without its event log. */
export type UploadFields = Omit<SessionBody, 'events'>;

/** Everything of a stored session that costs CPU to make from the event log, computed in one place. */
export interface ScoredUpload {
  ok: true;
  total: number;
  passed: boolean;
  /** The stored event log (fields in the schema's order) and the idempotency hash built from it. */
  eventsJson: string;
  hash: string;
  resultJson: string;
  columns: ReturnType<typeof scoreColumns>;
  steps: { step_id: string; done: number; mistakes: number; hints: number }[];
}

export type UploadScoring = ScoredUpload | { ok: false; error: 'unscorable-session'; message: string };

/**
 * The CPU-heavy part of an upload, from the event log and the fields the upload's intake validated
 * (upload-intake.ts, on an upload-scorer thread): the log serialised as stored, hashed for
 * idempotency, and replayed by the engine for the server's own score.
 */
export function scoreUpload(fields: UploadFields, events: SessionEvent[], scenario: Scenario, traineeId: string | null): UploadScoring {
  const body = { ...fields, events } as SessionBody;
  const eventsJson = eventLogJson(events);
  const hash = uploadHash(body, traineeId, eventsJson);
  let result: ScoreResult;
  try {
    result = score(scenario, events, body.mode);
  } catch (error) {
    return { ok: false, error: 'unscorable-session', message: error instanceof Error ? error.message : String(error) };
  }
  const seen = new Set<string>();
  const steps: ScoredUpload['steps'] = [];
  for (const s of result.steps) {
    // A step appears once per scenario (as stepRows).
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    steps.push({ step_id: s.id, done: s.done ? 1 : 0, mistakes: s.mistakes, hints: s.hints });
  }
  return { ok: true, total: result.total, passed: result.passed, eventsJson, hash, resultJson: JSON.stringify(result), columns: scoreColumns(result), steps };
}

/** The stored shape of a scored upload (as `storedSession` makes it from a ScoreResult). */
export function storedUpload(row: Omit<Insertable<SessionsTable>, 'events_json' | 'result_json' | keyof ScoredUpload['columns']>, scored: ScoredUpload): StoredSession {
  const traineeId = row.trainee_id ?? null;
  return {
    session: { ...row, events_json: '', result_json: '', ...scored.columns },
    events: { session_id: row.id, events_json: scored.eventsJson, result_json: scored.resultJson },
    steps: scored.steps.map((s) => ({ session_id: row.id, trainee_id: traineeId, scenario_id: row.scenario_id, ...s })),
  };
}
