import type { SessionRecord } from './session-record';

/** A finished session waiting to be sent, with the trainee token it was made under (shared headsets). */
export interface OutboxEntry {
  id: string;
  record: SessionRecord;
  traineeToken: string | null;
  /** The server-issued exam attempt it was played under (exams only; absent in entries queued before). */
  examAttemptId?: string | null;
  queuedAt: number;
  attempts: number;
}

/** A session the server refused for good (4xx): kept, shown and exportable, never silently dropped. */
export interface RefusedEntry extends OutboxEntry {
  status: number;
  reason: string;
  message: string;
  refusedAt: number;
}

/** Where entries live; IndexedDB in the browser (outbox-db.ts), a Map in unit tests. */
export interface OutboxStore {
  put(entry: OutboxEntry): Promise<void>;
  list(): Promise<OutboxEntry[]>;
  remove(id: string): Promise<void>;
  /** Moves an entry to the refused list in one transaction. */
  refuse(entry: RefusedEntry): Promise<void>;
  refused(): Promise<RefusedEntry[]>;
}

export type UploadAnswer =
  | { kind: 'saved'; score: number }
  | { kind: 'refused'; status: number; reason: string; message: string }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null };
