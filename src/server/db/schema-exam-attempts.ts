/** Server-issued exam attempts (see migration-hardening.ts and docs/exams.md). */
export interface ExamAttemptsTable {
  id: string;
  trainee_id: string;
  organisation_id: string;
  scenario_id: string;
  issued_at: string;
  /** The result must arrive by then; one that arrives later is stored and flagged `late`. */
  expires_at: string;
  /** The one session played under this attempt; null until its first upload. */
  session_id: string | null;
  bound_at: string | null;
  /** JSON array of ExamFlag (exam-flags.ts), set when the session is stored; null before. */
  flags_json: string | null;
}

export interface ExamAttemptTables {
  exam_attempts: ExamAttemptsTable;
}
