import { describe, expect, test } from 'vitest';
import { LiveSessions } from '../../../src/server/dashboard/live-sessions';
import { LiveAttempts, watchHoldsMs } from '../../../src/server/live/live-attempts';
import { encodePoses } from '../../../src/engine/pose-codec';
import { progressMessageSchema } from '../../../src/shared/live-progress';
import type { LiveTile } from '../../../src/shared/live-tile';
import { instancesOnPostgres } from '../support/instances-on-postgres';
import { openSse } from '../support/sse';
import { joinedTrainee, organisationWithTrainer } from '../support/trainers';
import { progress } from '../support/progress';

const trainee = { id: 't1', code: 'K7MX-4Q', alias: null };

/** A version 2 message: the progress and the last second's head poses. */
function withPoses(attemptId: string, overrides: Record<string, unknown> = {}) {
  const poses = { hz: 5, data: encodePoses([0, 200, 400].map((t) => ({ t: 3000 + t, head: { p: [0, 1.6, 0.3] as const, q: [0, 0, 0, 1] as const }, left: null, right: null }))) };
  return progressMessageSchema.parse({ ...progress(attemptId, overrides), v: 2, poses });
}

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

  test('a watch holds a while and is said again; only the attempt\'s own organisation can watch; poses go to its watchers only, never to tiles, and end with the attempt', async () => {
    let now = 0;
    const live = LiveSessions.inProcess();
    const attempts = new LiveAttempts({ live, now: () => now });
    const id = crypto.randomUUID();
    const tiles: object[] = [];
    const heard: { seq: number }[] = [];
    attempts.subscribe('org-a', { tile: (t) => tiles.push(t), gone: () => undefined });
    attempts.subscribeAttempt('org-a', id, { tile: () => undefined, poses: (p) => heard.push(p), gone: () => undefined });
    const stranger: unknown[] = [];
    attempts.subscribeAttempt('org-b', id, { tile: (t) => stranger.push(t), poses: (p) => stranger.push(p), gone: () => undefined });
    expect((await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id)))).watched).toBe(false);
    expect(await attempts.watch('org-b', id)).toBe(false);
    expect(await attempts.watch('org-a', crypto.randomUUID())).toBe(false);
    expect((await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id, { seq: 2 })))).watched).toBe(false);
    expect(await attempts.watch('org-a', id)).toBe(true);
    now = watchHoldsMs - 1;
    expect((await attempts.report('org-a', trainee, withPoses(id, { seq: 3 }))).watched).toBe(true);
    expect(heard.map((p) => p.seq)).toEqual([3]);
    expect(attempts.lastPoses('org-a', id)?.seq).toBe(3);
    expect(attempts.lastPoses('org-b', id)).toBeNull();
    expect(tiles.every((t) => !('poses' in t))).toBe(true);
    expect(stranger).toEqual([]);
    // Not said again: the watch lapses and the headset is told to stop.
    now = watchHoldsMs;
    expect((await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id, { seq: 4 })))).watched).toBe(false);
    // A version 1 message keeps the last poses; the attempt's end drops them.
    expect(attempts.lastPoses('org-a', id)?.seq).toBe(3);
    await attempts.report('org-a', trainee, progressMessageSchema.parse(progress(id, { seq: 5, finished: { score: 90, passed: true } })));
    expect(attempts.lastPoses('org-a', id)).toBeNull();
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

  test('a trainer watching in 3D through B makes A ask the headset for poses; the poses sent to A reach the view on B', async () => {
    const [a, b] = instances.map((i) => i.app) as [(typeof instances)[0]['app'], (typeof instances)[0]['app']];
    const owner = await organisationWithTrainer(a, instances[0]!.db, 'Schrijnwerkerij live');
    const learner = await joinedTrainee(a, owner, 'Jonas');
    const id = crypto.randomUUID();
    const send = (body: object) => a.inject({ method: 'POST', url: '/api/live/progress', headers: { authorization: `Bearer ${learner.token}` }, payload: body });
    expect((await send(progress(id))).json()).toEqual({ helpAcknowledged: 0, watched: false });
    // B hears of the attempt through NOTIFY, then can be asked to watch it.
    let view = await openSse(b, `/api/dashboard/live-attempts/${id}/poses`, { cookie: owner.cookie });
    for (let i = 0; i < 50 && view.status === 404; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await openSse(b, `/api/dashboard/live-attempts/${id}/poses`, { cookie: owner.cookie });
    }
    expect(view.status).toBe(200);
    let watched = false;
    for (let seq = 2; seq < 50 && !watched; seq++) {
      watched = ((await send(progress(id, { seq }))).json() as { watched: boolean }).watched;
      if (!watched) await new Promise((r) => setTimeout(r, 100));
    }
    expect(watched).toBe(true);
    const message = withPoses(id, { seq: 60 });
    expect((await send(message)).statusCode).toBe(200);
    await expect.poll(() => view.events.filter((e) => e.event === 'poses').length, { timeout: 5000 }).toBe(1);
    expect(view.events.find((e) => e.event === 'poses')!.data).toEqual({ attemptId: id, seq: 60, poses: message.v === 2 ? message.poses : null });
    view.close();
  });
});
