import { describe, expect, test } from 'vitest';
import { LiveSessions } from '../../../src/server/dashboard/live-sessions';
import { LiveAttempts } from '../../../src/server/live/live-attempts';
import { progressMessageSchema } from '../../../src/shared/live-progress';
import type { LiveTile } from '../../../src/shared/live-tile';
import { instancesOnPostgres } from '../support/instances-on-postgres';
import { openSse } from '../support/sse';
import { joinedTrainee, organisationWithTrainer } from '../support/trainers';
import { progress } from '../support/progress';

const trainee = { id: 't1', code: 'K7MX-4Q', alias: null };

describe('live attempts in memory', () => {
  test('an attempt not heard from for a quarter of an hour is forgotten, and the watching trainer told', async () => {
    let now = 0;
    const live = LiveSessions.inProcess();
    const attempts = new LiveAttempts({ live, now: () => now });
    const gone: string[] = [];
    attempts.subscribe('org-a', { tile: () => undefined, gone: (id) => gone.push(id) });
    const id = crypto.randomUUID();
    await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id)));
    now = 14 * 60 * 1000;
    expect(attempts.tiles('org-a').map((t) => [t.attemptId, t.silentMs])).toEqual([[id, now]]);
    expect(attempts.tiles('org-b')).toEqual([]);
    now = 15 * 60 * 1000;
    expect(attempts.tiles('org-a')).toEqual([]);
    expect(gone).toEqual([id]);
    attempts.close();
    await live.close();
  });

  test('the help acknowledged that the headset says back counts on an instance that missed the trainer\'s answer', async () => {
    const live = LiveSessions.inProcess();
    const attempts = new LiveAttempts({ live, now: () => 0 });
    const id = crypto.randomUUID();
    await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id, { helpAsked: 2, helpAnswered: 1 })));
    expect(attempts.tiles('org-a')[0]!.helpAcknowledged).toBe(1);
    attempts.close();
    await live.close();
  });
});

/** Two server instances on one PostgreSQL: the headset talks to A, the trainer watches through B. */
describe('live attempts across instances on PostgreSQL (LISTEN/NOTIFY)', () => {
  const instances = instancesOnPostgres();

  test('progress sent to A shows on a trainer\'s page on B; the trainer\'s answer on B reaches the headset through A', async () => {
    const [a, b] = instances.map((i) => i.app) as [(typeof instances)[0]['app'], (typeof instances)[0]['app']];
    const owner = await organisationWithTrainer(a, instances[0]!.db, 'Meubelmakerij');
    const learner = await joinedTrainee(a, owner, 'Ayla');
    const onB = await openSse(b, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    await onB.waitFor(1);
    const id = crypto.randomUUID();
    const send = (body: object) => a.inject({ method: 'POST', url: '/api/live/progress', headers: { authorization: `Bearer ${learner.token}` }, payload: body });
    expect((await send(progress(id, { helpAsked: 1 }))).statusCode).toBe(200);
    await onB.waitFor(2);
    expect((onB.events[1]!.data as LiveTile).helpAsked).toBe(1);
    const ack = await b.inject({ method: 'POST', url: `/api/dashboard/live-attempts/${id}/help-acknowledged`, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken }, payload: { request: 1 } });
    expect(ack.statusCode).toBe(204);
    await onB.waitFor(3);
    expect((onB.events[2]!.data as LiveTile).helpAcknowledged).toBe(1);
    // A heard the answer through NOTIFY: the headset's next message is told.
    let answer = 0;
    for (let seq = 2; seq < 50 && answer === 0; seq++) {
      answer = ((await send(progress(id, { seq, helpAsked: 1 }))).json() as { helpAcknowledged: number }).helpAcknowledged;
      if (answer === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answer).toBe(1);
    onB.close();
  });
});
