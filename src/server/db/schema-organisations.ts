import type { Generated } from 'kysely';
/** The organisation side of the database (see migration-organisations.ts). Timestamps are ISO strings. */
/** Whose legal limits apply (issue 6); scenarios name theirs in `country`. */
export type Country = 'BE' | 'NL';

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
  /** null: organisations from before the setting, until an admin chooses (their trainees see every station). */
  country: Country | null;
  /** 1: admins must have a second factor (TOTP) before they can do anything else. */
  require_admin_totp: Generated<number>;
}

export type TrainerRole = 'admin' | 'trainer';

export interface TrainersTable {
  id: string;
  organisation_id: string;
  /** Lower-case; unique within its organisation only (the same address may have an account in another). */
  email: string;
  password_hash: string;
  role: TrainerRole;
  created_at: string;
  /** The TOTP secret, encrypted with the server secret (auth/secret-box.ts); null without a second factor. */
  totp_secret: string | null;
  /** A secret being set up, until the first code confirms it. */
  totp_pending: string | null;
  /** The last TOTP time step used: a code is never accepted twice. */
  totp_last_step: number | null;
  password_changed_at: string | null;
}

export interface TrainerSessionsTable {
  token_hash: string;
  trainer_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface GroupsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface TraineesTable {
  id: string;
  organisation_id: string;
  group_id: string;
  code: string;
  alias: string | null;
  created_at: string;
}

export interface JoinCodesTable {
  code_hash: string;
  trainee_id: string;
  expires_at: string;
  created_at: string;
}

export interface TraineeTokensTable {
  token_hash: string;
  trainee_id: string;
  expires_at: string;
  created_at: string;
  /** Last upload or assignments request under it (at most a minute stale); null: never used. */
  last_used_at: string | null;
  /** Revoked by a trainer (one headset); null: not revoked. */
  revoked_at: string | null;
}

export interface OrganisationTables {
  organisations: OrganisationsTable;
  trainers: TrainersTable;
  trainer_sessions: TrainerSessionsTable;
  groups: GroupsTable;
  trainees: TraineesTable;
  join_codes: JoinCodesTable;
  trainee_tokens: TraineeTokensTable;
}
