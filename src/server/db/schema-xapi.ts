/** LRS forwarding (see migration-xapi.ts). Timestamps are ISO strings. */
export type LrsAuthKind = 'basic' | 'oauth';

export interface LrsConnectionsTable {
  organisation_id: string;
  /** The LRS's xAPI base (…/xapi/); statements go to its `statements` resource. */
  endpoint: string;
  auth_kind: LrsAuthKind;
  /** Basic: the user name (key); OAuth: the client id. */
  username: string;
  /** The password or client secret, sealed (auth/secret-box.ts). */
  secret_sealed: string;
  token_url: string | null;
  scope: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
  /** Sessions received from here on are queued (the queuer's watermark). */
  queued_from: string;
}

/** waiting (first try or a retry), sent, failed (refused by the LRS), conflict (the LRS holds other content under the id). */
export type OutboxStatus = 'waiting' | 'sent' | 'failed' | 'conflict';

export interface XapiOutboxTable {
  statement_id: string;
  organisation_id: string;
  session_id: string;
  statement_json: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_answer: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface XapiTables {
  lrs_connections: LrsConnectionsTable;
  xapi_outbox: XapiOutboxTable;
}
