import { afterEach, describe, expect, test } from 'vitest';
import { scenarioHash, score } from '../../src/engine';
import { eventLogJson } from '../../src/server/event-log-check';
import { parseSessionBody } from '../../src/server/session-body';
import { UploadScorer } from '../../src/server/upload-scorer';
import { scoreUpload } from '../../src/server/upload-scoring';
import { uploadHash } from '../../src/server/upload-hash';
import { idealEvents, sampleScenario, sessionBody } from './test-app';

const scorers: UploadScorer[] = [];
afterEach(async () => {
  for (const s of scorers.splice(0)) await s.close();
});

const scenario = sampleScenario();
const entry = { hash: scenarioHash(scenario), scenario };
const noGlasses = [{ t: 500, action: 'press', object: 'start-button', device: 'desktop' as const }];

function upload(events = idealEvents, extra: Record<string, unknown> = {}) {
  const body = sessionBody({ id: crypto.randomUUID(), events, ...extra });
  // Keys in another order than the schema's and spaces: the stored log and the hash do not depend on them.
  const text = JSON.stringify({ ...body, events: events.map((e) => ({ device: e.device, object: e.object, action: e.action, t: e.t })) }, null, 1);
  const parsed = parseSessionBody(JSON.parse(text));
  if (!parsed.success) throw new Error(parsed.error.message);
  const { events: _events, ...fields } = parsed.data;
  return { text, fields, body: parsed.data };
}

describe('the upload scorer', () => {
  test('scores on its threads exactly what the route computed on its own: replay, stored log, hash, step rows', async () => {
    const scorer = new UploadScorer(2);
    scorers.push(scorer);
    await scorer.start();
    for (const events of [idealEvents, noGlasses]) {
      const { text, fields, body } = upload(events);
      const threaded = await scorer.score(text, fields, entry, 'trainee-1');
      expect(threaded).toEqual(scoreUpload(text, fields, scenario, 'trainee-1'));
      if (!threaded.ok) throw new Error('not scored');
      const result = score(scenario, body.events, body.mode);
      expect(JSON.parse(threaded.resultJson)).toEqual(result);
      expect([threaded.total, threaded.passed]).toEqual([result.total, result.passed]);
      expect(threaded.eventsJson).toBe(eventLogJson(body.events));
      expect(threaded.hash).toBe(uploadHash(body, 'trainee-1'));
      expect(threaded.steps).toEqual(result.steps.map((s) => ({ step_id: s.id, done: s.done ? 1 : 0, mistakes: s.mistakes, hints: s.hints })));
    }
    // A critical violation is counted per competency on the row's columns.
    const critical = upload(noGlasses);
    expect(await scorer.score(critical.text, critical.fields, entry, null)).toMatchObject({ ok: true, columns: { crit_safety: 1, critical_violations: 1 } });
    expect(scorer.stats).toEqual({ threaded: 3, inline: 0 });
  });

  test('many uploads at once are each answered with their own result, inline until the threads are up', async () => {
    const scorer = new UploadScorer(2);
    scorers.push(scorer);
    const first = upload();
    expect(await scorer.score(first.text, first.fields, entry, null)).toEqual(scoreUpload(first.text, first.fields, scenario, null));
    expect(scorer.stats).toEqual({ threaded: 0, inline: 1 });
    await scorer.start();
    const uploads = Array.from({ length: 40 }, (_, i) => upload(i % 2 ? idealEvents : noGlasses));
    const results = await Promise.all(uploads.map((u) => scorer.score(u.text, u.fields, entry, `trainee-${uploads.indexOf(u)}`)));
    results.forEach((r, i) => expect(r).toEqual(scoreUpload(uploads[i]!.text, uploads[i]!.fields, scenario, `trainee-${i}`)));
    expect(scorer.stats).toEqual({ threaded: 40, inline: 1 });
  });

  test('without threads (or when they stopped) the same is computed on the calling thread', async () => {
    const scorer = new UploadScorer(0);
    scorers.push(scorer);
    const { text, fields } = upload();
    expect(await scorer.score(text, fields, entry, null)).toEqual(scoreUpload(text, fields, scenario, null));
    expect(scorer.stats).toEqual({ threaded: 0, inline: 1 });
  });
});
