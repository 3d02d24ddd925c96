import type { AccountTables } from './schema-accounts';
import type { DashboardTables } from './schema-dashboard';
import type { ExamAttemptTables } from './schema-exam-attempts';
import type { OrganisationTables } from './schema-organisations';

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
  events_json: string;
  client_score: number;
  /** The server's own score: the replay of the events, never the client's claim. */
  score: number;
  passed: number;
  score_mismatch: number;
  result_json: string;
  received_at: string;
  /** sha-256 of the canonical upload; null only for rows stored before it existed. */
  content_hash: string | null;
  /** Set when uploaded under a trainee token; null rows are seen by no trainer. */
  organisation_id: string | null;
  trainee_id: string | null;
}

export interface ScenarioVersionsTable {
  hash: string;
  scenario_id: string;
  version: number;
  content_json: string;
  first_seen_at: string;
}

export interface Database extends OrganisationTables, DashboardTables, ExamAttemptTables, AccountTables {
  sessions: SessionsTable;
  scenario_versions: ScenarioVersionsTable;
}
