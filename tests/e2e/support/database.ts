import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface StoredSession {
  id: string;
  scenario_id: string;
  /** The trainee whose token the session was uploaded under (null: nobody's). */
  trainee_id: string | null;
  device: string;
  mode: string;
  language: string;
  score: number;
  passed: number;
  client_score: number;
  events_json: string;
  /** The server's own scoring of the events (ScoreResult as JSON). */
  result_json: string;
}

/** Reads the server's SQLite file directly: the row must really be stored, not only acknowledged. */
export function storedSessions(dataDir: string): StoredSession[] {
  const db = new Database(join(dataDir, 'werkvloer.sqlite'), { readonly: true, fileMustExist: true });
  try {
    // The event log and score details live in session_events since issue 17.
    const query = `select s.*, coalesce(e.events_json, s.events_json) as events_json, coalesce(e.result_json, s.result_json) as result_json
      from sessions s left join session_events e on e.session_id = s.id order by s.received_at`;
    return db.prepare(query).all() as StoredSession[];
  } finally {
    db.close();
  }
}
