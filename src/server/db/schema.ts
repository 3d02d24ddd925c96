import type { AccountTables } from './schema-accounts';
import type { DashboardTables } from './schema-dashboard';
import type { ExamAttemptTables } from './schema-exam-attempts';
import type { OrganisationTables } from './schema-organisations';
import type { XapiTables } from './schema-xapi';
import type { PassportTables } from './schema-passport';
import type { LearningPathTables } from './schema-learning-paths';
import type { VoiceTables } from './schema-voices';
import type { PoseTables } from './schema-poses';

/** Database tables, as Kysely sees them. Timestamps are ISO strings on both dialects. */
export interface SessionsTable {
  id: string;
  scenario_id: string;
  scenario_version: number;
  scenario_hash: string;
  mode: string;
  device: string;
  language: string;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  /** '' since the event log moved to session_events (issue 17); old rows until moveEventLogs ran. */
  events_json: string;
  client_score: number;
  /** The server's own score: the replay of the events, never the client's claim. */
  score: number;
  passed: number;
  score_mismatch: number;
  /** '' since the score details moved to session_events, like events_json. */
  result_json: string;
  received_at: string;
  /** sha-256 of the canonical upload; null only for rows stored before it existed. */
  content_hash: string | null;
  /** Set when uploaded under a trainee token; null rows are seen by no trainer. */
  organisation_id: string | null;
  trainee_id: string | null;
  /** The server's per-competency sub-scores (0–100, unrounded; null: the station has no step of it). */
  comp_safety: number | null;
  comp_quality: number | null;
  comp_numeracy: number | null;
  comp_language: number | null;
  comp_problem_solving: number | null;
  comp_procedure: number | null;
  /** Rule violations of the session, and how many of them were critical (null only before the move). */
  critical_violations: number | null;
  violations: number | null;
  /** Critical violations per competency (0 when none; null on rows the totals fill has not read yet). */
  crit_safety: number | null;
  crit_quality: number | null;
  crit_numeracy: number | null;
  crit_language: number | null;
  crit_problem_solving: number | null;
  crit_procedure: number | null;
}

/** A session's event log and score details, read for one session at a time (detail, export of a trainee). */
export interface SessionEventsTable {
  session_id: string;
  events_json: string;
  result_json: string;
}

/** Each step's outcome in one session, for per-step comparisons (trainee against group). */
export interface SessionStepsTable {
  session_id: string;
  step_id: string;
  trainee_id: string | null;
  scenario_id: string;
  done: number;
  mistakes: number;
  hints: number;
}

/** Running totals per trainee, station and step, kept by triggers on session_steps. */
export interface StepTotalsTable {
  trainee_id: string;
  scenario_id: string;
  step_id: string;
  /** Sessions of this station that scored the step. */
  attempts: number;
  /** Of them: not done, or done with a mistake. */
  failed: number;
  not_done: number;
  mistakes: number;
}

/**
 * Running totals per trainee, station and mode, kept by triggers on sessions (migration-station-totals.ts):
 * what the coaching view and the group report compare, without reading the group's sessions.
 */
export interface StationTotalsTable {
  trainee_id: string;
  scenario_id: string;
  mode: string;
  attempts: number;
  passed: number;
  score_sum: number;
  /** Sessions with a critical violation (failed by it). */
  failed_by_critical: number;
  critical_violations: number;
  violations: number;
  /** Per competency: the sum of the sessions' sub-scores and how many sessions had one. */
  comp_safety_sum: number;
  comp_safety_n: number;
  comp_quality_sum: number;
  comp_quality_n: number;
  comp_numeracy_sum: number;
  comp_numeracy_n: number;
  comp_language_sum: number;
  comp_language_n: number;
  comp_problem_solving_sum: number;
  comp_problem_solving_n: number;
  comp_procedure_sum: number;
  comp_procedure_n: number;
  crit_safety: number;
  crit_quality: number;
  crit_numeracy: number;
  crit_language: number;
  crit_problem_solving: number;
  crit_procedure: number;
}

/** Where the one-time summing of sessions stored before station_totals is (one row). */
export interface StationTotalsFillTable {
  id: number;
  after: string;
  done: number;
}

export interface ScenarioVersionsTable {
  hash: string;
  scenario_id: string;
  version: number;
  content_json: string;
  first_seen_at: string;
}

export interface Database extends OrganisationTables, DashboardTables, ExamAttemptTables, AccountTables, XapiTables, PassportTables, LearningPathTables, VoiceTables, PoseTables {
  sessions: SessionsTable;
  scenario_versions: ScenarioVersionsTable;
  session_events: SessionEventsTable;
  session_steps: SessionStepsTable;
  step_totals: StepTotalsTable;
  station_totals: StationTotalsTable;
  station_totals_fill: StationTotalsFillTable;
}
