import { afterEach, describe, expect, test } from 'vitest';
import { decodePoses, encodePoses } from '../../../src/engine/pose-codec';
import type { SessionEvent } from '../../../src/engine';
import type { SessionReplayData } from '../../../src/shared/session-replay-types';
import { workstationTrace } from '../../../bench/support/pose-trace';
import { databaseKinds } from '../support/databases';
import { joinedTrainee, organisationWithTrainer } from '../support/trainers';
import { sampleScenario, sessionBody, testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const events: SessionEvent[] = [
  { t: 800, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];
const trace = workstationTrace(0.1).filter((s) => s.t <= 6000);
const layoutHash = 'b'.repeat(64);

describe.each(databaseKinds)('the replay route on %s', (kind) => {
  const setup = async () => {
    t = await testApp({ kind });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const upload = async (body: Record<string, unknown>, token = trainee.token) => {
      const res = await t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
    };
    return { trainer, trainee, upload };
  };

  test('gives the trainer the scored scenario version, the event log and the poses as sent', async () => {
    const { trainer, upload } = await setup();
    const id = crypto.randomUUID();
    const poses = { layoutHash, hz: 10, data: encodePoses(trace) };
    await upload(sessionBody({ id, events, poses }));
    const res = await trainer.call('GET', `/api/dashboard/sessions/${id}/replay`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as SessionReplayData;
    expect(data).toMatchObject({ sessionId: id, scenarioId: sampleScenario().id, scenarioVersion: sampleScenario().version, mode: 'practice', layoutHash, events });
    expect(data.scenario.steps.map((s) => s.id)).toEqual(sampleScenario().steps.map((s) => s.id));
    expect(data.poses).toEqual({ hz: 10, samples: trace.length, data: poses.data });
    expect(decodePoses(data.poses!.data)).toHaveLength(trace.length);
  });

  test('a session without poses has none; a bad id is named; another trainee gets nothing of it', async () => {
    const { trainer, trainee, upload } = await setup();
    const id = crypto.randomUUID();
    await upload(sessionBody({ id, events }));
    const data = (await trainer.call('GET', `/api/dashboard/sessions/${id}/replay`)).json() as SessionReplayData;
    expect(data.poses).toBeNull();
    expect(data.layoutHash).toBeNull();

    const bad = await trainer.call('GET', '/api/dashboard/sessions/not-an-id/replay');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('id: must be a session id');
    expect((await trainer.call('GET', `/api/dashboard/sessions/${crypto.randomUUID()}/replay`)).statusCode).toBe(404);

    // The trainee's own attempt answers their token; a classmate's token finds no such session.
    const own = await t!.app.inject({ method: 'GET', url: `/api/trainee/sessions/${id}/replay`, headers: { authorization: `Bearer ${trainee.token}` } });
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as SessionReplayData).events).toEqual(events);
    const classmate = await joinedTrainee(t!.app, trainer, 'Noor');
    const theirs = await t!.app.inject({ method: 'GET', url: `/api/trainee/sessions/${id}/replay`, headers: { authorization: `Bearer ${classmate.token}` } });
    expect(theirs.statusCode).toBe(404);
    const badOwn = await t!.app.inject({ method: 'GET', url: '/api/trainee/sessions/42/replay', headers: { authorization: `Bearer ${trainee.token}` } });
    expect(badOwn.statusCode).toBe(400);
    expect(badOwn.json().message).toBe('id: must be a session id');
  });
});
