import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LiveTile } from '../../../src/shared/live-tile';
import { openSse } from '../support/sse';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { testApp } from '../test-app';
import { progress } from '../support/progress';
import { decodePoses, encodePoses, quantisedPose, type PoseSample } from '../../../src/engine/pose-codec';
import type { LivePosesEvent } from '../../../src/shared/live-progress';

/** The last second of a trainee standing at the bench, head and right controller, at 5 a second. */
function lastSecond(from: number, n = 5): PoseSample[] {
  return Array.from({ length: n }, (_, i) => ({
    t: from + i * 200,
    head: { p: [0.1 + i * 0.01, 1.62, 0.35] as const, q: [0, 0.2, 0, 0.98] as const },
    left: null,
    right: { p: [0.25, 1.1, 0.05] as const, q: [0, 0, 0, 1] as const },
  }));
}

describe('live class view: progress in, tiles out, help answered', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let owner: LoggedIn;
  let stranger: LoggedIn;
  let trainee: Awaited<ReturnType<typeof joinedTrainee>>;

  beforeAll(async () => {
    t = await testApp();
    owner = await organisationWithTrainer(t.app, t.db, 'Schrijnwerkerij');
    stranger = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    trainee = await joinedTrainee(t.app, owner, 'Sam');
  });
  afterAll(async () => t.close());

  const send = (body: object, token = trainee.token) =>
    t.app.inject({ method: 'POST', url: '/api/live/progress', headers: { authorization: `Bearer ${token}` }, payload: body });

  test('the trainer of the trainee\'s organisation sees the tile change step by step; another organisation sees nothing', async () => {
    const watching = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    const other = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: stranger.cookie });
    await Promise.all([watching.waitFor(1), other.waitFor(1)]);
    const id = crypto.randomUUID();
    expect((await send(progress(id))).json()).toEqual({ helpAcknowledged: 0, watched: false });
    expect((await send(progress(id, { seq: 2, stepsDone: 2, step: { id: 'stop-drill', onStepMs: 0 } }))).statusCode).toBe(200);
    await watching.waitFor(3);
    const tiles = watching.events.filter((e) => e.event === 'tile').map((e) => e.data as LiveTile);
    expect(tiles.map((x) => [x.stepsDone, x.step?.id])).toEqual([
      [1, 'start-drill'],
      [2, 'stop-drill'],
    ]);
    expect(tiles[0]!.trainee).toEqual({ id: trainee.traineeId, code: trainee.code, alias: 'Sam' });
    expect(other.events.map((e) => e.event)).toEqual(['ready']);
    // A trainer who opens the page later gets the attempt as it is now, then `ready`.
    const late = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    await late.waitFor(2);
    expect(late.events.map((e) => e.event)).toEqual(['tile', 'ready']);
    expect((late.events[0]!.data as LiveTile).stepsDone).toBe(2);
    for (const s of [watching, other, late]) s.close();
  });

  test('an older message that arrives late never overwrites a newer one', async () => {
    const id = crypto.randomUUID();
    await send(progress(id, { seq: 5, stepsDone: 2, step: { id: 'stop-drill', onStepMs: 0 } }));
    await send(progress(id, { seq: 4, stepsDone: 1 }));
    const stream = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    await stream.waitFor(1);
    await new Promise((r) => setTimeout(r, 50));
    const tile = stream.events.map((e) => e.data as LiveTile).find((x) => x.attemptId === id);
    expect(tile?.stepsDone).toBe(2);
    stream.close();
  });

  test('a call for help appears, the trainer acknowledges it, and the headset is told on its next message', async () => {
    const id = crypto.randomUUID();
    await send(progress(id, { helpAsked: 1 }));
    const stream = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    await stream.waitFor(1);
    const asked = stream.events.map((e) => e.data as LiveTile).find((x) => x.attemptId === id)!;
    expect([asked.helpAsked, asked.helpAcknowledged]).toEqual([1, 0]);
    const count = stream.events.length;
    // Another organisation cannot answer it, nor can anyone answer a call never made.
    expect((await stranger.call('POST', `/api/dashboard/live-attempts/${id}/help-acknowledged`, { request: 1 })).statusCode).toBe(404);
    expect((await owner.call('POST', `/api/dashboard/live-attempts/${id}/help-acknowledged`, { request: 2 })).json().error).toBe('help-not-asked');
    expect((await owner.call('POST', `/api/dashboard/live-attempts/${id}/help-acknowledged`, { request: 0 })).json().message).toContain('request');
    expect((await owner.call('POST', `/api/dashboard/live-attempts/${id}/help-acknowledged`, { request: 1 })).statusCode).toBe(204);
    await stream.waitFor(count + 1);
    expect((stream.events.at(-1)!.data as LiveTile).helpAcknowledged).toBe(1);
    expect((await send(progress(id, { seq: 2, helpAsked: 1 }))).json()).toEqual({ helpAcknowledged: 1, watched: false });
    stream.close();
  });

  test('what a headset sends is checked, with an error that names the problem', async () => {
    const id = crypto.randomUUID();
    // Its own trainee: the messages above count against the main one's rate limit.
    const checked = await joinedTrainee(t.app, owner, 'Noor');
    const send = (body: object, token = checked.token) =>
      t.app.inject({ method: 'POST', url: '/api/live/progress', headers: { authorization: `Bearer ${token}` }, payload: body });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/live/progress', payload: progress(id) });
    expect([anonymous.statusCode, anonymous.json().error]).toEqual([401, 'trainee-token-required']);
    expect((await send(progress(id), 'x'.repeat(30))).json().error).toBe('trainee-token-unknown');
    const bad = await send(progress(id, { mistakes: -1, extra: true, v: 1 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid-progress');
    expect(bad.json().message).toContain('mistakes');
    expect((await send(progress(id, { v: 2 }))).json().error).toBe('invalid-progress');
    expect((await send(progress(id, { step: { id: 'no-such-step', onStepMs: 0 } }))).json().message).toContain('no-such-step');
    expect((await send(progress(id, { scenarioId: 'no-such-station' }))).statusCode).toBe(422);
    expect((await send(progress(id, { stepsTotal: 9 }))).statusCode).toBe(422);
    // One attempt id is one trainee's.
    const other = await joinedTrainee(t.app, owner, 'Lin');
    await send(progress(id));
    expect((await send(progress(id, { seq: 2 }), other.token)).json().error).toBe('attempt-id-conflict');
  });

  test('a trainee who sends too often is refused for a while (per trainee, not per address)', async () => {
    const busy = await joinedTrainee(t.app, owner);
    const id = crypto.randomUUID();
    const codes: number[] = [];
    for (let i = 1; i <= 12; i++) codes.push((await send(progress(id, { seq: i }), busy.token)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    // Another trainee on the same address is not held up.
    const neighbour = await joinedTrainee(t.app, owner);
    expect((await send(progress(crypto.randomUUID()), neighbour.token)).statusCode).toBe(200);
  });

  test('watched in 3D: the headset is asked for its poses, they reach only that attempt\'s watchers of its organisation, and are checked', async () => {
    const watcher = await joinedTrainee(t.app, owner, 'Ilse');
    const send = (body: object) => t.app.inject({ method: 'POST', url: '/api/live/progress', headers: { authorization: `Bearer ${watcher.token}` }, payload: body });
    const id = crypto.randomUUID();
    // Nobody watches yet: version 1, and the answer says not to send poses.
    expect((await send(progress(id))).json()).toEqual({ helpAcknowledged: 0, watched: false });
    // Only the trainee's own organisation may watch; an attempt nobody heard of cannot be watched.
    expect((await openSse(t.app, `/api/dashboard/live-attempts/${id}/poses`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await openSse(t.app, `/api/dashboard/live-attempts/${crypto.randomUUID()}/poses`, { cookie: owner.cookie })).status).toBe(404);
    expect((await openSse(t.app, '/api/dashboard/live-attempts/not-an-id/poses', { cookie: owner.cookie })).status).toBe(400);
    expect((await openSse(t.app, `/api/dashboard/live-attempts/${id}/poses`, {})).status).toBe(401);
    const tiles = await openSse(t.app, '/api/dashboard/live-attempts', { cookie: owner.cookie });
    await tiles.waitFor(1);
    const view = await openSse(t.app, `/api/dashboard/live-attempts/${id}/poses`, { cookie: owner.cookie });
    expect(view.status).toBe(200);
    await view.waitFor(2);
    expect(view.events.map((e) => e.event)).toEqual(['tile', 'ready']);
    expect((view.events[0]!.data as LiveTile).attemptId).toBe(id);
    // Now watched: the headset's next answer says so, and it sends the last second's poses (version 2).
    expect((await send(progress(id, { seq: 2 }))).json()).toEqual({ helpAcknowledged: 0, watched: true });
    const samples = lastSecond(3000);
    expect((await send({ ...progress(id, { seq: 3, elapsedMs: 4000 }), v: 2, poses: { hz: 5, data: encodePoses(samples) } })).statusCode).toBe(200);
    await view.waitFor(5);
    const posed = view.events.filter((e) => e.event === 'poses').map((e) => e.data as LivePosesEvent);
    expect(posed.map((p) => [p.attemptId, p.seq])).toEqual([[id, 3]]);
    const heard = decodePoses(posed[0]!.poses.data);
    expect(heard.map((p) => p.t)).toEqual(samples.map((p) => p.t));
    heard.forEach((p, i) => expect(p.head!.p).toEqual(quantisedPose(samples[i]!.head!).p));
    // The class view's tiles never carry poses (the dashboard stays small, and they are the watcher's only).
    await new Promise((r) => setTimeout(r, 20));
    expect(tiles.events.filter((e) => e.event === 'tile').every((e) => !('poses' in (e.data as object)))).toBe(true);
    // A trainer who opens the view later starts from the last poses heard.
    const late = await openSse(t.app, `/api/dashboard/live-attempts/${id}/poses`, { cookie: owner.cookie });
    await late.waitFor(3);
    expect(late.events.map((e) => e.event)).toEqual(['tile', 'poses', 'ready']);

    // Checked like an upload's poses, each problem named.
    const bad = async (poses: unknown) => (await send({ ...progress(id, { seq: 9 }), v: 2, poses })).json() as { error: string; message: string };
    expect(await bad({ hz: 5, data: 'not base64!' })).toMatchObject({ error: 'invalid-progress', message: expect.stringContaining('poses.data') });
    expect((await bad({ hz: 5, data: encodePoses(lastSecond(0, 13)) })).message).toContain('at most 12');
    expect((await bad({ hz: 5, data: encodePoses([]) })).message).toContain('holds no samples');
    expect((await bad({ hz: 50, data: encodePoses(samples) })).message).toContain('poses.hz');
    expect((await bad({ hz: 5, data: 'A'.repeat(2004) })).message).toContain('2000');
    for (const s of [tiles, view, late]) s.close();
  });
});
