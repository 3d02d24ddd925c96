import type { ColumnType, Generated } from 'kysely';

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
}

export interface ScenarioVersionsTable {
  hash: string;
  scenario_id: string;
  version: number;
  content_json: string;
  first_seen_at: string;
}

export interface MigrationMarker {
  seq: Generated<number>;
  note: ColumnType<string, string, never>;
}

export interface Database {
  sessions: SessionsTable;
  scenario_versions: ScenarioVersionsTable;
}
