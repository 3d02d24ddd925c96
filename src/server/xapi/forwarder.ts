import { sql, type Kysely, type Selectable } from 'kysely';
import { canonicalJson } from '../../engine';
import type { Database } from '../db/schema';
import type { LrsConnectionsTable } from '../db/schema-xapi';
import type { SecretBox } from '../auth/secret-box';
import { sessionColumns, sessionSummary } from '../dashboard/session-query';
import { LrsAuthError, LrsClient, type Fetch, type LrsAnswer, type LrsTarget } from './lrs-client';
import { sessionStatements, type XapiSources } from './session-statements';
import { learningPathOfSession } from './learning-path-of-session';
import { storedLog } from '../db/stored-session';
import { CoalescedJob } from '../coalesced-job';

export interface ForwarderOptions extends XapiSources {
  db: Kysely<Database>;
  box: SecretBox;
  now: () => Date;
  fetch?: Fetch;
  /** Statements per POST; LRSs take hundreds, a small batch keeps one refusal's blast radius small. */
  batchSize?: number;
  /** Sessions turned into statements per run. */
  queueBatch?: number;
  onError?: (error: unknown) => void;
  /** How long after a wake the run starts (uploads that arrive meanwhile share it). */
  wakeDelayMs?: number;
}

export interface RunCounts {
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
  conflicts: number;
}

/** 30 s, 1 min, 2 min … at most an hour between tries: an LRS down for a weekend is not hammered. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** How far back each run looks for sessions not yet queued: a row committed late by another instance is still found. */
const overlapMs = 2 * 60 * 1000;
/** A claimed batch is left alone this long by other instances (longer than a request can take). */
const leaseMs = 2 * 60 * 1000;

/** Fields an LRS adds or may write differently; the rest must be the same for a 409 to mean "already there". */
function comparable(statement: Record<string, unknown>): string {
  const { authority: _a, stored: _s, version: _v, timestamp, ...rest } = statement;
  return canonicalJson({ ...rest, timestamp: typeof timestamp === 'string' ? Date.parse(timestamp) : timestamp });
}

/** Same statement: the LRS's copy, once its own fields are set aside, has our content. */
export function sameStatement(ours: Record<string, unknown>, theirs: Record<string, unknown>): boolean {
  return comparable(ours) === comparable(theirs);
}

type Row = { statement_id: string; statement_json: string; attempts: number };

/**
 * Forwarding to each organisation's LRS (docs/xapi.md, docs/operations.md). Off the upload path:
 * a run queues the statements of sessions stored since the last run (in the database, so nothing
 * is lost to a restart), then sends what is due in batches. A batch the LRS could not take (down,
 * 5xx, 429, no network) is tried again later with growing pauses; a batch with a 409 is sent
 * statement by statement, and a 409 on one is settled by reading the LRS's copy: the same content
 * counts as sent, other content is reported as a conflict and never sent again by itself.
 */
export class XapiForwarder {
  private readonly clients = new Map<string, { key: string; client: LrsClient }>();
  /** Soon, not now, after a wake: forwarding work (on SQLite, queries on the thread that answers requests) comes in a few runs, not one per upload. */
  private readonly job: CoalescedJob<RunCounts>;
  /** Runs started, for tests and the log. */
  readonly stats = { runs: 0 };
  private forgottenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: ForwarderOptions) {
    this.job = new CoalescedJob(() => this.pass(), (error: unknown) => this.opts.onError?.(error), opts.wakeDelayMs ?? 1000);
  }

  /** Runs every `everyMs`, and soon after `wake()` (a session was stored). Never keeps the process up. */
  start(everyMs = 15_000): void {
    this.job.start(everyMs);
  }

  stop(): Promise<unknown> {
    return this.job.stop();
  }

  wake(): void {
    this.job.wake();
  }

  /** One pass: queue, then send until nothing is due. One at a time per instance. */
  runOnce(): Promise<RunCounts> {
    return this.job.runOnce();
  }

  private async pass(): Promise<RunCounts> {
    this.stats.runs++;
    const counts: RunCounts = { queued: 0, sent: 0, retrying: 0, failed: 0, conflicts: 0 };
    await this.forgetErased();
    counts.queued += await this.queueNew();
    for (;;) {
      const step = await this.sendDue();
      counts.sent += step.sent;
      counts.retrying += step.retrying;
      counts.failed += step.failed;
      counts.conflicts += step.conflicts;
      if (step.batches === 0) break;
    }
    return counts;
  }

  /**
   * Statements of erased or purged sessions go with them (privacy erase, retention), sent or not:
   * the outbox must not keep a pseudonym the sessions table no longer has. It reads the whole
   * outbox, so once an hour, not every run.
   */
  private async forgetErased(): Promise<void> {
    const now = this.opts.now().getTime();
    if (now - this.forgottenAt < 60 * 60 * 1000) return;
    this.forgottenAt = now;
    await this.opts.db
      .deleteFrom('xapi_outbox')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sessions').select('sessions.id').whereRef('sessions.id', '=', 'xapi_outbox.session_id'))))
      .execute();
  }

  /** Statements for every session stored since the connection's watermark that has none yet. */
  private async queueNew(): Promise<number> {
    const { db, now } = this.opts;
    const limit = this.opts.queueBatch ?? 200;
    const connections = await db.selectFrom('lrs_connections').select(['organisation_id', 'queued_from']).where('enabled', '=', 1).execute();
    let queued = 0;
    for (const c of connections) {
      for (;;) {
        const since = new Date(Date.parse(c.queued_from) - overlapMs).toISOString();
        const rows = await db
          .selectFrom('sessions as s')
          .innerJoin('trainees as t', 't.id', 's.trainee_id')
          .innerJoin('groups as g', 'g.id', 't.group_id')
          .select([...sessionColumns, 's.scenario_hash', (eb) => storedLog(eb, 'events_json')])
          .where('s.organisation_id', '=', c.organisation_id)
          .where('s.received_at', '>=', since)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('xapi_outbox as q').select('q.session_id').whereRef('q.session_id', '=', 's.id'))))
          .orderBy('s.received_at')
          .orderBy('s.id')
          .limit(limit)
          .execute();
        if (rows.length === 0) break;
        const at = now().toISOString();
        const sources = { ...this.opts, learningPathOf: learningPathOfSession(db, now) };
        for (const r of rows) {
          const statements = await sessionStatements(sessionSummary(r), c.organisation_id, 'all', sources, { eventsJson: r.events_json, scenarioHash: r.scenario_hash });
          await db
            .insertInto('xapi_outbox')
            .values(
              statements.map((st) => ({
                statement_id: st.id,
                organisation_id: c.organisation_id,
                session_id: r.id,
                statement_json: JSON.stringify(st),
                status: 'waiting' as const,
                attempts: 0,
                next_attempt_at: at,
                last_status: null,
                last_answer: null,
                created_at: at,
                updated_at: at,
                sent_at: null,
              })),
            )
            // Another instance queued the same session: the ids are the same, the first one stays.
            .onConflict((oc) => oc.column('statement_id').doNothing())
            .execute();
          queued += statements.length;
        }
        const newest = rows[rows.length - 1]!.received_at;
        if (newest > c.queued_from) {
          await db.updateTable('lrs_connections').set({ queued_from: newest }).where('organisation_id', '=', c.organisation_id).where('queued_from', '<', newest).execute();
          c.queued_from = newest;
        }
        if (rows.length < limit) break;
      }
    }
    return queued;
  }

  private clientFor(c: Selectable<LrsConnectionsTable>): LrsClient | null {
    const secret = this.opts.box.open(c.secret_sealed, c.organisation_id);
    if (secret === null) return null;
    // A new client (and OAuth token) when the admin changed the connection.
    const key = `${c.updated_at}|${c.endpoint}`;
    const known = this.clients.get(c.organisation_id);
    if (known?.key === key) return known.client;
    const target: LrsTarget = {
      endpoint: c.endpoint,
      auth:
        c.auth_kind === 'oauth'
          ? { kind: 'oauth', clientId: c.username, clientSecret: secret, tokenUrl: c.token_url ?? '', scope: c.scope }
          : { kind: 'basic', username: c.username, password: secret },
    };
    const client = new LrsClient(target, this.opts.fetch ?? fetch, this.opts.now);
    this.clients.set(c.organisation_id, { key, client });
    return client;
  }

  /** One batch per organisation with something due; `batches: 0` when nothing was. */
  private async sendDue() {
    const { db, now } = this.opts;
    const counts = { batches: 0, sent: 0, retrying: 0, failed: 0, conflicts: 0 };
    const connections = await db.selectFrom('lrs_connections').selectAll().where('enabled', '=', 1).execute();
    for (const c of connections) {
      const at = now();
      const due = await db
        .selectFrom('xapi_outbox')
        .select(['statement_id', 'statement_json', 'attempts'])
        .where('organisation_id', '=', c.organisation_id)
        .where('status', '=', 'waiting')
        .where('next_attempt_at', '<=', at.toISOString())
        .orderBy('created_at')
        .orderBy('statement_id')
        .limit(this.opts.batchSize ?? 50)
        .execute();
      if (due.length === 0) continue;
      // Claimed for a while: another instance on the same PostgreSQL skips these rows meanwhile.
      const claimed = await db
        .updateTable('xapi_outbox')
        .set({ next_attempt_at: new Date(at.getTime() + leaseMs).toISOString() })
        .where('statement_id', 'in', due.map((r) => r.statement_id))
        .where('status', '=', 'waiting')
        .where('next_attempt_at', '<=', at.toISOString())
        .returning('statement_id')
        .execute();
      const mine = new Set(claimed.map((r) => r.statement_id));
      const batch = due.filter((r) => mine.has(r.statement_id));
      if (batch.length === 0) continue;
      counts.batches++;
      const client = this.clientFor(c);
      if (!client) {
        await this.retryLater(batch, { status: 0, body: 'the stored credentials cannot be opened with this server secret (SERVER_SECRET changed?): enter them again' });
        counts.retrying += batch.length;
        continue;
      }
      const result = await this.sendBatch(client, batch);
      counts.sent += result.sent;
      counts.retrying += result.retrying;
      counts.failed += result.failed;
      counts.conflicts += result.conflicts;
    }
    return counts;
  }

  private async sendBatch(client: LrsClient, batch: Row[]) {
    const out = { sent: 0, retrying: 0, failed: 0, conflicts: 0 };
    let answer: LrsAnswer;
    try {
      answer = await client.postStatements(batch.map((r) => JSON.parse(r.statement_json) as unknown));
    } catch (error) {
      await this.retryLater(batch, errorAnswer(error));
      out.retrying += batch.length;
      return out;
    }
    if (answer.status >= 200 && answer.status < 300) {
      await this.mark(batch, 'sent', answer);
      out.sent += batch.length;
    } else if (transient(answer.status)) {
      await this.retryLater(batch, answer);
      out.retrying += batch.length;
    } else if (answer.status === 409 || (answer.status === 400 && batch.length > 1)) {
      // One statement spoils the batch for all: find which, one by one (a batch of one has its answer already).
      for (const row of batch) {
        const one = await this.sendOne(client, row, batch.length === 1 ? answer : undefined);
        out[one]++;
      }
    } else {
      await this.mark(batch, 'failed', answer);
      out.failed += batch.length;
    }
    return out;
  }

  private async sendOne(client: LrsClient, row: Row, answered?: LrsAnswer): Promise<'sent' | 'retrying' | 'failed' | 'conflicts'> {
    const statement = JSON.parse(row.statement_json) as Record<string, unknown>;
    try {
      const put = answered ?? (await client.putStatement(row.statement_id, statement));
      if (put.status >= 200 && put.status < 300) return (await this.mark([row], 'sent', put), 'sent');
      if (transient(put.status)) return (await this.retryLater([row], put), 'retrying');
      if (put.status !== 409) return (await this.mark([row], 'failed', put), 'failed');
      const got = await client.getStatement(row.statement_id);
      if (got.status === 200) {
        const theirs = JSON.parse(got.body) as Record<string, unknown>;
        if (sameStatement(statement, theirs)) return (await this.mark([row], 'sent', { status: 409, body: 'already in the LRS with the same content' }), 'sent');
        return (await this.mark([row], 'conflict', { status: 409, body: `the LRS holds other content under this id: ${got.body.slice(0, 1500)}` }), 'conflicts');
      }
      if (transient(got.status)) return (await this.retryLater([row], got), 'retrying');
      // No read access: the LRS said the content differs, and we cannot check it.
      return (await this.mark([row], 'conflict', { status: 409, body: `${put.body} (reading it back was refused: ${got.status})` }), 'conflicts');
    } catch (error) {
      await this.retryLater([row], errorAnswer(error));
      return 'retrying';
    }
  }

  private async mark(rows: Row[], status: 'sent' | 'failed' | 'conflict', answer: LrsAnswer): Promise<void> {
    const at = this.opts.now().toISOString();
    await this.opts.db
      .updateTable('xapi_outbox')
      .set((eb) => ({ status, attempts: eb('attempts', '+', 1), last_status: answer.status, last_answer: answer.body.slice(0, 2000), updated_at: at, sent_at: status === 'sent' ? at : null }))
      .where('statement_id', 'in', rows.map((r) => r.statement_id))
      .execute();
  }

  private async retryLater(rows: Row[], answer: LrsAnswer): Promise<void> {
    const now = this.opts.now();
    // One pause for the whole batch: the rows travel together until the LRS takes them.
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    await this.opts.db
      .updateTable('xapi_outbox')
      .set({
        attempts: sql<number>`attempts + 1`,
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        last_status: answer.status,
        last_answer: answer.body.slice(0, 2000),
        updated_at: now.toISOString(),
      })
      .where('statement_id', 'in', rows.map((r) => r.statement_id))
      .execute();
  }
}

/** Worth trying again as is: the LRS or the way to it is not there right now. */
function transient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500 || status === 401 || status === 403;
}

function errorAnswer(error: unknown): LrsAnswer {
  if (error instanceof LrsAuthError) return error.answer;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return { status: 0, body: `no answer from the LRS (${error instanceof Error ? error.message : String(error)}${cause})` };
}
