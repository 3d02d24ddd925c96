/** The columns of a stored session every read shows, as the row holds them. */
export interface SessionFieldsRow {
  scenario_id: string;
  scenario_version: number;
  mode: string;
  device: string;
  language: string;
  score: number;
  passed: number;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  received_at: string;
}

/**
 * A stored session's own fields as the API names them, shared by every read (the trainer's
 * `/api/sessions` and the dashboard's list, detail and live stream); each adds who played it.
 */
export function sessionFields(r: SessionFieldsRow) {
  return {
    scenarioId: r.scenario_id,
    scenarioVersion: r.scenario_version,
    mode: r.mode,
    device: r.device,
    language: r.language,
    score: r.score,
    passed: r.passed === 1,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    receivedAt: r.received_at,
  };
}
