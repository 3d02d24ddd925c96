/** The trainer-account tables (see migration-accounts.ts). Timestamps are ISO strings. */
export interface TrainerRecoveryCodesTable {
  /** sha-256 of the normalised code; a used code is deleted. */
  code_hash: string;
  trainer_id: string;
  created_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  trainer_id: string;
  expires_at: string;
  created_at: string;
}

export interface LoginChallengesTable {
  token_hash: string;
  trainer_id: string;
  expires_at: string;
  failures: number;
}

export interface LoginThrottleTable {
  key: string;
  /** Attempts since the last success (a success takes its own back). */
  attempts: number;
  /** No attempt is checked before this time. */
  next_at: string;
  last_at: string;
}

export interface AccountTables {
  trainer_recovery_codes: TrainerRecoveryCodesTable;
  password_resets: PasswordResetsTable;
  login_challenges: LoginChallengesTable;
  login_throttle: LoginThrottleTable;
}
