import { afterEach, describe, expect, test } from 'vitest';
import { scenarioHash, score } from '../../src/engine';
import { eventLogJson } from '../../src/server/event-log-check';
import { parseSessionBody } from '../../src/server/session-body';
import { UploadJobs } from '../../src/server/upload-intake';
import { UploadScorer, type Intake } from '../../src/server/upload-scorer';
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
  const { events: parsedEvents, ...fields } = parsed.data;
  return { text, fields, events: parsedEvents, body: parsed.data };
}

/** The body's bytes as the route has them for a real upload (over 4 KB, so not from Node's shared pool): a buffer of its own, which a thread takes over. */
function bytesOf(text: string): Buffer {
  const bytes = Buffer.alloc(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

function accepted(intake: Intake) {
  if (!intake.ok) throw new Error(`refused: ${JSON.stringify(intake)}`);
  return intake;
}

describe('the upload scorer', () => {
  test('takes a body in and scores it on its threads exactly as the route would on its own: fields, replay, stored log, hash, step rows', async () => {
    const scorer = new UploadScorer(2);
    scorers.push(scorer);
    await scorer.start();
    for (const events of [idealEvents, noGlasses]) {
      const { text, fields, body } = upload(events);
      const bytes = bytesOf(text);
      const intake = accepted(await scorer.intake(bytes));
      // The bytes moved to the thread, not copied: the route's buffer is empty now.
      expect(bytes.buffer.byteLength).toBe(0);
      expect(intake.handle.thread).not.toBeNull();
      expect(intake.fields).toEqual(fields);
      expect(intake.events).toBe(events.length);
      const threaded = await scorer.score(intake.handle, entry, 'trainee-1');
      expect(threaded).toEqual(scoreUpload(fields, body.events, scenario, 'trainee-1'));
      if (!threaded.ok) throw new Error('not scored');
      const result = score(scenario, body.events, body.mode);
      expect(JSON.parse(threaded.resultJson)).toEqual(result);
      expect([threaded.total, threaded.passed]).toEqual([result.total, result.passed]);
      expect(threaded.eventsJson).toBe(eventLogJson(body.events));
      expect(threaded.hash).toBe(uploadHash(body, 'trainee-1'));
      expect(threaded.steps).toEqual(result.steps.map((s) => ({ step_id: s.id, done: s.done ? 1 : 0, mistakes: s.mistakes, hints: s.hints })));
      // The log, for the rare step that needs it on the request thread, is the validated one.
      expect(await scorer.events(intake.handle)).toEqual(body.events);
      scorer.release(intake.handle);
      await expect(scorer.events(intake.handle)).rejects.toThrow(/not here/);
    }
    // A critical violation is counted per competency on the row's columns.
    const critical = accepted(await scorer.intake(bytesOf(upload(noGlasses).text)));
    expect(await scorer.score(critical.handle, entry, null)).toMatchObject({ ok: true, columns: { crit_safety: 1, critical_violations: 1 } });
    expect(scorer.stats).toEqual({ threaded: 3, inline: 0 });
  });

  test('many uploads at once are each answered with their own result, inline until the threads are up', async () => {
    const scorer = new UploadScorer(2);
    scorers.push(scorer);
    const first = upload();
    const inline = accepted(await scorer.intake(bytesOf(first.text)));
    expect(inline.handle.thread).toBeNull();
    expect(await scorer.score(inline.handle, entry, null)).toEqual(scoreUpload(first.fields, first.events, scenario, null));
    expect(scorer.stats).toEqual({ threaded: 0, inline: 1 });
    await scorer.start();
    const uploads = Array.from({ length: 40 }, (_, i) => upload(i % 2 ? idealEvents : noGlasses));
    const intakes = await Promise.all(uploads.map((u) => scorer.intake(bytesOf(u.text)).then(accepted)));
    const results = await Promise.all(intakes.map((t, i) => scorer.score(t.handle, entry, `trainee-${i}`)));
    results.forEach((r, i) => expect(r).toEqual(scoreUpload(uploads[i]!.fields, uploads[i]!.events, scenario, `trainee-${i}`)));
    expect(scorer.stats).toEqual({ threaded: 40, inline: 1 });
  });

  test('without threads the same is computed on the calling thread', async () => {
    const scorer = new UploadScorer(0);
    scorers.push(scorer);
    const { text, fields, events } = upload();
    const intake = accepted(await scorer.intake(bytesOf(text)));
    expect(await scorer.score(intake.handle, entry, null)).toEqual(scoreUpload(fields, events, scenario, null));
    expect(scorer.stats).toEqual({ threaded: 0, inline: 1 });
  });

  test('a refused body is answered by the intake in the words of the JSON parser, the NUL guard and the schema, and nothing is kept', async () => {
    const jobs = new UploadJobs();
    const intake = (text: string) => jobs.intake(bytesOf(text));
    expect(intake('')).toEqual({ ok: false, refusal: 'empty' });
    expect(intake('{"id": ')).toEqual({ ok: false, refusal: 'invalid-json' });
    expect(intake('{"__proto__": {"x": 1}}')).toEqual({ ok: false, refusal: 'invalid-json' });
    expect(intake(`${'['.repeat(40)}${']'.repeat(40)}`)).toEqual({ ok: false, refusal: 'too-deep', at: 32 });
    const { text } = upload();
    expect(intake(text.replace('"nl"', '"n\\u0000l"'))).toMatchObject({ ok: false, refusal: 'answer', status: 400, body: { error: 'invalid-request', message: 'language: text must not contain the NUL character (\\u0000)' } });
    // An escaped backslash before "u0000" is no NUL: the schema judges the body.
    expect(intake(text.replace('"nl"', '"\\\\u0000"'))).toMatchObject({ ok: false, refusal: 'answer', body: { error: 'invalid-session', issues: [{ path: 'language' }] } });
    expect(intake(JSON.stringify(sessionBody({ events: [{ t: 1, action: 'press', object: 'x', device: 'phone' }] })))).toMatchObject({ ok: false, refusal: 'answer', body: { error: 'invalid-session', issues: [{ path: 'events[0].device' }] } });
    expect(jobs.size).toBe(0);
  });
});
