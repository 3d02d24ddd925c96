import { EventEmitter } from 'node:events';
import pg from 'pg';

/** What a dashboard hears when a session is stored: enough to refetch, nothing more. */
export interface SessionStored {
  organisationId: string;
  sessionId: string;
}

const channel = 'werkvloer_sessions';
/** Live attempts' progress and trainers' answers (src/server/live/live-attempts.ts): never stored, only passed on. */
const progressChannel = 'werkvloer_progress';

export interface LiveBackoff {
  /** First wait after the LISTEN connection is lost, doubled per failed attempt up to `maxMs`. */
  initialMs: number;
  maxMs: number;
}

/**
 * New sessions, per organisation, for the dashboard's server-sent events. SQLite: one instance,
 * so an in-process emitter. PostgreSQL: every instance LISTENs and the storing one NOTIFYs, so a
 * trainer connected to instance A sees an upload that reached instance B.
 *
 * The LISTEN connection is lost when the database restarts, fails over or ends the backend: it is
 * made again with backoff (with jitter, so instances do not all knock at once), and each time it
 * is back every subscriber is told to resynchronise (`onResync`), since NOTIFYs sent meanwhile
 * are gone. NOTIFY goes through a small pool of its own, so publishing never waits for LISTEN.
 */
export class LiveSessions {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private notifier: pg.Pool | null = null;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** How many times LISTEN was re-established after a loss (health and tests). */
  reconnects = 0;

  private constructor() {
    // One listener per open dashboard tab; a class of 30 trainers is far below any real limit.
    this.emitter.setMaxListeners(0);
  }

  static inProcess(): LiveSessions {
    return new LiveSessions();
  }

  static async postgres(databaseUrl: string, onError: (error: Error) => void, backoff: LiveBackoff = { initialMs: 250, maxMs: 30_000 }): Promise<LiveSessions> {
    const live = new LiveSessions();
    live.notifier = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 5000 });
    // An idle notifier connection dropped by a restart must not end the process (issue 17).
    live.notifier.on('error', onError);
    live.notifier.on('connect', (client) => client.on('error', onError));
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
      let lost = false;
      const onLost = (error?: Error) => {
        if (lost) return;
        lost = true;
        if (live.client === client) live.client = null;
        client.removeAllListeners('notification');
        void client.end().catch(() => undefined);
        if (live.closed) return;
        if (error) onError(error);
        live.scheduleReconnect(connect, backoff, onError);
      };
      client.on('error', onLost);
      client.on('end', () => onLost(new Error('the LISTEN connection ended')));
      client.on('notification', (msg) => {
        if ((msg.channel !== channel && msg.channel !== progressChannel) || !msg.payload) return;
        try {
          if (msg.channel === progressChannel) live.emitter.emit('broadcast', JSON.parse(msg.payload) as unknown);
          else live.deliver(JSON.parse(msg.payload) as SessionStored);
        } catch (error) {
          onError(error as Error);
        }
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
        await client.query(`LISTEN ${progressChannel}`);
      } catch (error) {
        onLost(error as Error);
        throw error;
      }
      if (live.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      live.client = client;
      live.attempt = 0;
    };
    await connect();
    return live;
  }

  private scheduleReconnect(connect: () => Promise<void>, backoff: LiveBackoff, onError: (error: Error) => void) {
    if (this.retryTimer || this.closed) return;
    const wait = Math.min(backoff.maxMs, backoff.initialMs * 2 ** this.attempt);
    this.attempt++;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        connect().then(
          () => {
            if (this.closed) return;
            this.reconnects++;
            // Whatever was published while LISTEN was away was never heard: every stream reloads what changed.
            this.emitter.emit('resync');
          },
          // connect() already scheduled the next attempt through its lost handler.
          (error: unknown) => onError(error as Error),
        );
      },
      wait * (0.75 + Math.random() * 0.5),
    );
    this.retryTimer.unref();
  }

  /** The database backend that LISTENs (PostgreSQL), for tests and for a DBA's pg_stat_activity. */
  get listenerPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  /** True while new sessions are heard (always, in process). */
  get listening(): boolean {
    return this.notifier === null || this.client !== null;
  }

  /** Called once a session is stored. With PostgreSQL the NOTIFY comes back to this instance too. */
  async publish(event: SessionStored): Promise<void> {
    if (this.notifier) await this.notifier.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]);
    else this.deliver(event);
  }

  /** Listens to one organisation's sessions; `onResync` when events may have been missed. Returns the unsubscribe function. */
  subscribe(organisationId: string, listener: (event: SessionStored) => void, onResync?: () => void): () => void {
    const name = `org:${organisationId}`;
    this.emitter.on(name, listener);
    if (onResync) this.emitter.on('resync', onResync);
    return () => {
      this.emitter.off(name, listener);
      if (onResync) this.emitter.off('resync', onResync);
    };
  }

  /**
   * Passes a live attempt's message to every instance, this one included (PostgreSQL: NOTIFY,
   * at most 8000 bytes; in process: at once). Nothing is kept: a listener that is away misses it.
   */
  async broadcast(message: object): Promise<void> {
    if (this.notifier) await this.notifier.query('SELECT pg_notify($1, $2)', [progressChannel, JSON.stringify(message)]);
    else this.emitter.emit('broadcast', message);
  }

  /** Hears every broadcast (unchecked: the listener validates). Returns the unsubscribe function. */
  onBroadcast(listener: (message: unknown) => void): () => void {
    this.emitter.on('broadcast', listener);
    return () => this.emitter.off('broadcast', listener);
  }

  private deliver(event: SessionStored) {
    if (typeof event.organisationId === 'string' && typeof event.sessionId === 'string') this.emitter.emit(`org:${event.organisationId}`, event);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.emitter.removeAllListeners();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    await this.notifier?.end().catch(() => undefined);
    this.notifier = null;
  }
}
