import { afterEach, describe, expect, test } from 'vitest';
import { decodePoses, encodePoses, quantisedPose } from '../../src/engine/pose-codec';
import { nextMistakeAfter, replayAt, replayTimeline } from '../../src/engine/replay-view';
import type { StepTimelineEntry } from '../../src/shared/timeline-types';
import { workstationTrace } from '../../bench/support/pose-trace';
import { joinedTrainee, organisationWithTrainer } from '../server/support/trainers';
import { sampleScenario, sessionBody, testApp } from '../server/test-app';
import { sampleWithSlips as events } from './support/sample-slips';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const trace = workstationTrace(0.1).filter((s) => s.t <= 6000);

describe('the replay of a recorded session', () => {
  test("shows as done at each moment what the server's stored step timeline says was done by then", async () => {
    t = await testApp();
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const id = crypto.randomUUID();
    const body = sessionBody({ id, events, poses: { layoutHash: null, hz: 10, data: encodePoses(trace) } });
    const stored = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: body });
    expect(stored.statusCode, stored.body).toBe(201);
    const session = (await trainer.call('GET', `/api/dashboard/sessions/${id}`)).json() as { steps: StepTimelineEntry[]; mode: 'practice' };
    const poses = decodePoses((await t.db.selectFrom('session_poses').select('data').where('session_id', '=', id).executeTakeFirstOrThrow()).data);

    const replay = replayTimeline(sampleScenario(), session.mode, events, poses, 6000);
    // Every moment an event happens, just before it, and every 100 ms in between.
    const moments = [...new Set([...events.flatMap((e) => [e.t - 1, e.t]), ...Array.from({ length: 62 }, (_, i) => i * 100)])].sort((a, b) => a - b);
    for (const at of moments) {
      const shown = replayAt(replay, at).done.slice().sort();
      const serverDone = session.steps.filter((s) => s.doneAt !== null && s.doneAt <= at).map((s) => s.id).sort();
      expect(shown, `at ${at} ms`).toEqual(serverDone);
    }
    // The end: every step the server counts as done, none it does not.
    expect(replayAt(replay, 6000).done.sort()).toEqual(session.steps.filter((s) => s.status !== 'skipped').map((s) => s.id).sort());
  });

  test('marks every step, mistake and hint; jumps to the next mistake; shows the recorded pose there', () => {
    const replay = replayTimeline(sampleScenario(), 'practice', events, decodePoses(encodePoses(trace)), 6000);
    const kinds = replay.marks.map((m) => `${m.kind}@${m.t}`);
    expect(kinds).toContain('mistake@800');
    expect(kinds).toContain('hint@1200');
    expect(replay.marks.filter((m) => m.kind === 'step').map((m) => m.t)).toEqual([1500, 3500, 6000]);
    const first = nextMistakeAfter(replay, -1)!;
    expect(first).toBe(800);
    const frame = replayAt(replay, first);
    // The recorded sample at that moment, as quantised on the way (2 mm, ~0.1°).
    const recorded = trace.find((s) => Math.round(s.t) === first) ?? null;
    const before = trace.filter((s) => s.t <= first).at(-1)!;
    const expected = quantisedPose((recorded ?? before).head!);
    if (recorded) frame.head!.p.forEach((v, k) => expect(v).toBeCloseTo(expected.p[k]!, 6));
    else frame.head!.p.forEach((v, k) => expect(Math.abs(v - expected.p[k]!)).toBeLessThan(0.05));
    // The step due then: the glasses, not yet worn.
    expect(frame.due).toBe('wear-glasses');
    expect(frame.done).toEqual([]);
  });
});
