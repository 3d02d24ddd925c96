/** The skills passport (see migration-passport.ts and docs/passport.md). Timestamps are ISO strings. */
export interface PassportKeysTable {
  id: string;
  organisation_id: string;
  /** 1, 2, … per organisation: `#key-<serial>` in its did:web document. */
  serial: number;
  public_key_multibase: string;
  /** The Ed25519 secret key (multibase), sealed under the server secret (auth/secret-box.ts). */
  secret_sealed: string;
  created_at: string;
  /** Set when a newer key took over; the key still verifies (and re-signs its own status lists). */
  retired_at: string | null;
  /** Set when an admin withdrew the key (leaked): it leaves the did:web document and signs nothing again. */
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by: string | null;
}

export interface PassportStatusListsTable {
  id: string;
  organisation_id: string;
  /** Lists are per key: a status list and its credentials share one issuer. */
  key_id: string;
  /** The next free index: indexes are handed out once and never reused. */
  next_index: number;
  /** JSON array of revoked indexes. */
  revoked_json: string;
  /** The signed BitstringStatusListCredential served to verifiers; re-signed on every revocation. */
  signed_json: string | null;
  created_at: string;
  updated_at: string;
}

/** queued: waiting for the issuer job; issued: signed; failed: gave up after retries (see last_error). */
export type PassportCredentialState = 'queued' | 'issued' | 'failed';

export interface PassportCredentialsTable {
  /** The credential's id (urn:uuid:<id>). */
  id: string;
  organisation_id: string;
  trainee_id: string;
  /** The module mastered: a station's scenario id today, a learning path's module later (issue 26). */
  module_id: string;
  /** The exam session that showed it: one credential per session. */
  session_id: string;
  state: PassportCredentialState;
  achieved_at: string;
  queued_at: string;
  /** An instance working on it leaves it alone until then (several instances on PostgreSQL). */
  claimed_until: string | null;
  attempts: number;
  last_error: string | null;
  issued_at: string | null;
  valid_until: string | null;
  key_id: string | null;
  status_list_id: string | null;
  status_index: number | null;
  credential_json: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  revoked_by: string | null;
}

export interface PassportSubjectsTable {
  trainee_id: string;
  organisation_id: string;
  name: string;
  /** The trainer who entered the name, having asked the trainee's consent. */
  consent_by: string;
  consent_at: string;
}

export interface PassportTables {
  passport_keys: PassportKeysTable;
  passport_status_lists: PassportStatusListsTable;
  passport_credentials: PassportCredentialsTable;
  passport_subjects: PassportSubjectsTable;
}
