import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { LiveSessions } from '../../../src/server/dashboard/live-sessions';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Issue 17 item 2: the LISTEN connection is ended by the database; live updates come back by themselves. */
describe('LiveSessions on PostgreSQL', () => {
  test('a lost LISTEN connection is made again with backoff, subscribers are told to resynchronise, and new sessions are heard again', async () => {
    const url = inject('postgresUrl');
    const errors: Error[] = [];
    const live = await LiveSessions.postgres(url, (e) => errors.push(e), { initialMs: 50, maxMs: 500 });
    try {
      const heard: string[] = [];
      let resyncs = 0;
      const org = crypto.randomUUID();
      live.subscribe(org, (e) => heard.push(e.sessionId), () => resyncs++);
      await live.publish({ organisationId: org, sessionId: 'before' });
      for (let i = 0; i < 100 && heard.length < 1; i++) await sleep(20);
      expect(heard).toEqual(['before']);

      // What a restart or a DBA does to the listening backend (only this one: other test files share the cluster).
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const pid = live.listenerPid;
      expect(pid).toBeTypeOf('number');
      const ended = await admin.query('select pg_terminate_backend($1) as ended', [pid]);
      await admin.end();
      expect(ended.rows[0].ended).toBe(true);

      for (let i = 0; i < 200 && resyncs === 0; i++) await sleep(25);
      expect(resyncs).toBeGreaterThanOrEqual(1);
      expect(live.reconnects).toBeGreaterThanOrEqual(1);
      expect(live.listening).toBe(true);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      await live.publish({ organisationId: org, sessionId: 'after' });
      for (let i = 0; i < 100 && heard.length < 2; i++) await sleep(20);
      expect(heard).toEqual(['before', 'after']);
    } finally {
      await live.close();
    }
  });
});
