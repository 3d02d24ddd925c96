import { EventEmitter } from 'node:events';
import pg from 'pg';

/** What a dashboard hears when a session is stored: enough to refetch, nothing more. */
export interface SessionStored {
  organisationId: string;
  sessionId: string;
}

const channel = 'werkvloer_sessions';

/**
 * New sessions, per organisation, for the dashboard's server-sent events. SQLite: one instance,
 * so an in-process emitter. PostgreSQL: every instance LISTENs and the storing one NOTIFYs, so a
 * trainer connected to instance A sees an upload that reached instance B.
 */
export class LiveSessions {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;

  private constructor() {
    // One listener per open dashboard tab; a class of 30 trainers is far below any real limit.
    this.emitter.setMaxListeners(0);
  }

  static inProcess(): LiveSessions {
    return new LiveSessions();
  }

  static async postgres(databaseUrl: string, onError: (error: Error) => void): Promise<LiveSessions> {
    const live = new LiveSessions();
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', onError);
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        live.deliver(JSON.parse(msg.payload) as SessionStored);
      } catch (error) {
        onError(error as Error);
      }
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    live.client = client;
    return live;
  }

  /** Called once a session is stored. With PostgreSQL the NOTIFY comes back to this instance too. */
  async publish(event: SessionStored): Promise<void> {
    if (this.client) await this.client.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]);
    else this.deliver(event);
  }

  /** Listens to one organisation's sessions; returns the unsubscribe function. */
  subscribe(organisationId: string, listener: (event: SessionStored) => void): () => void {
    const name = `org:${organisationId}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  private deliver(event: SessionStored) {
    if (typeof event.organisationId === 'string' && typeof event.sessionId === 'string') this.emitter.emit(`org:${event.organisationId}`, event);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    await this.client?.end();
    this.client = null;
  }
}
