import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../../src/engine';
import { attemptStatement, attemptStatementSet, type AttemptRecord, type Statement } from '../../../src/server/xapi/statements';
import { sampleScenario } from '../test-app';

const base = 'https://werkvloer.example.org';
const station = `${base}/stations/wood-intro-workbench`;
const names = { title: 'Werkbank', step: (id: string) => `stap ${id}`, rule: (id: string) => `regel ${id}` };
const ext = (name: string) => `${base}/xapi/extensions/${name}`;
const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const moveOn = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

const attempt = (overrides: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id: '0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3e',
  traineeCode: 'K7MX-4Q',
  scenarioId: 'wood-intro-workbench',
  scenarioVersion: 1,
  mode: 'practice',
  device: 'desktop',
  language: 'nl',
  startedAt: '2026-11-26T09:00:00.000Z',
  endedAt: '2026-11-26T09:00:06.000Z',
  durationMs: 6000,
  score: 85,
  passed: true,
  ...overrides,
});

/** A hint, a press out of order, then the ideal path: every kind of statement but a violation. */
const eventful: SessionEvent[] = [
  { t: 500, action: 'hint', object: 'wear-glasses', device: 'desktop' },
  { t: 800, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];
const critical: SessionEvent[] = [{ t: 1000, action: 'press', object: 'start-button', device: 'desktop' }];

type Loose = Statement & { verb: { id: string }; object: { id: string }; result?: Record<string, unknown>; context: { registration: string; extensions: Record<string, unknown>; contextActivities: Record<string, { id: string }[] | undefined> } };
const verbOf = (s: Statement) => (s as Loose).verb.id.split('/').pop();
const set = (a: AttemptRecord, events: SessionEvent[], learningPath?: { id: string; title: string }) =>
  attemptStatementSet(a, sampleScenario(), events, { base, names, learningPath }) as Loose[];

describe('statements of one attempt', () => {
  test('every statement passes the xAPI validator, has its own id, and names the attempt as registration', () => {
    const exam = attempt({ id: 'c6a1f3de-7b2e-4d7a-9c51-2e8f0a4b6d10', mode: 'exam', score: 0, passed: false });
    const all = [...set(attempt(), eventful), ...set(exam, critical), attemptStatement(attempt(), { base, names })];
    for (const s of all) expect(validateStatement(s), JSON.stringify(s)).toEqual([]);
    const ids = all.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of all) expect([attempt().id, exam.id]).toContain((s as Loose).context.registration);
  });

  test('the same attempt gives the same statements, ids included', () => {
    expect(set(attempt(), eventful)).toEqual(set(attempt(), eventful));
    expect(set(attempt({ id: 'a0000000-0000-4000-8000-000000000000' }), eventful)[0]!.id).not.toBe(set(attempt(), eventful)[0]!.id);
  });

  test('practice is cmi5 Browse: launched, initialized, what happened inside in time order, scored, terminated', () => {
    const s = set(attempt(), eventful);
    expect(s.map((x) => `${verbOf(x)} ${x.object.id.replace(station, '~')}`)).toEqual([
      'launched ~',
      'initialized ~',
      'asked ~/steps/wear-glasses/hint',
      'attempted ~/steps/stop-drill',
      'completed ~/steps/wear-glasses',
      'completed ~/steps/start-drill',
      'completed ~/steps/stop-drill',
      'scored ~',
      'terminated ~',
    ]);
    expect(s[0]!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/launchmode']).toBe('Browse');
    expect(s.map((x) => x.timestamp)).toEqual([...s.map((x) => x.timestamp)].sort());
    // cmi5-defined statements carry its category; what happened inside has the station as parent instead.
    expect(s[0]!.context.contextActivities.category).toEqual([{ id: cmi5Category }]);
    expect(s[3]!.context.contextActivities.category).toBeUndefined();
    expect(s[3]!.context.contextActivities.parent?.map((p) => p.id)).toEqual([station]);
    for (const x of s) expect(x.context.contextActivities.grouping?.map((g) => g.id)).toEqual([`${base}/sectors/wood`]);
    for (const x of s) expect(x.context.extensions[ext('mode')]).toBe('practice');
    expect(s[7]!.result).toMatchObject({ score: { scaled: 0.85, raw: 85 }, success: true, completion: true, duration: 'PT6S' });
  });

  test('a completed step names its competency, a mistake its kind, a hint its step', () => {
    const s = set(attempt(), eventful);
    const glasses = s.find((x) => verbOf(x) === 'completed' && x.object.id.endsWith('/wear-glasses'))!;
    expect(glasses.context.extensions[ext('competency')]).toBe('safety');
    // One hint on it: a quarter of its points lost.
    expect(glasses.result).toMatchObject({ success: true, completion: true, score: { raw: 7.5, max: 10, scaled: 0.75 }, extensions: { [ext('hints')]: 1, [ext('mistakes')]: 0 } });
    const stop = s.find((x) => verbOf(x) === 'completed' && x.object.id.endsWith('/stop-drill'))!;
    expect(stop.context.extensions[ext('competency')]).toBe('procedure');
    expect(stop.result).toMatchObject({ success: false, extensions: { [ext('mistakes')]: 1 } });
    const mistake = s.find((x) => verbOf(x) === 'attempted')!;
    expect(mistake).toMatchObject({ result: { success: false, response: 'press stop-button' }, timestamp: '2026-11-26T09:00:00.800Z' });
    expect(mistake.context.extensions[ext('mistake')]).toBe('wrong-order');
    expect(s.find((x) => verbOf(x) === 'asked')!.context.extensions[ext('competency')]).toBe('safety');
  });

  test('an exam is cmi5 Normal: a safety violation names its rule and severity, failed counts for moveOn', () => {
    const s = set(attempt({ mode: 'exam', score: 0, passed: false }), critical);
    expect(s.map(verbOf)).toEqual(['launched', 'initialized', 'attempted', 'violated', 'failed', 'terminated']);
    expect(s[0]!.context.extensions).toMatchObject({ 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal', 'https://w3id.org/xapi/cmi5/context/extensions/moveon': 'Passed' });
    const violation = s[3]!;
    expect(violation.verb.id).toBe(`${base}/xapi/verbs/violated`);
    expect(violation.object.id).toBe(`${station}/rules/start-without-glasses`);
    expect(violation.context.extensions).toMatchObject({ [ext('severity')]: 'critical', [ext('critical')]: true, [ext('penalty')]: 50, [ext('competency')]: 'safety' });
    expect(s[4]!.context.contextActivities.category).toEqual([{ id: cmi5Category }, { id: moveOn }]);
    expect(s[4]!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.7);
    // Not every step was done: no cmi5 completed.
    expect(s.some((x) => verbOf(x) === 'completed')).toBe(false);
  });

  test('an exam with every step done is completed and passed', () => {
    const s = set(attempt({ mode: 'exam', score: 100, passed: true }), eventful.slice(2));
    expect(s.map(verbOf)).toEqual(['launched', 'initialized', 'completed', 'completed', 'completed', 'completed', 'passed', 'terminated']);
    expect(s[5]!.object.id).toBe(station);
    expect(s[5]!.result).toEqual({ completion: true, duration: 'PT6S' });
  });

  test('a learning path, when there is one, is a second grouping', () => {
    const s = set(attempt(), eventful, { id: 'hout-basis', title: 'Hout: basis' });
    for (const x of s) expect(x.context.contextActivities.grouping?.map((g) => g.id)).toEqual([`${base}/sectors/wood`, `${base}/paths/hout-basis`]);
    for (const x of s) expect(validateStatement(x)).toEqual([]);
  });
});
