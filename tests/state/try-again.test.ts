import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario, scenarioHash, type Scenario } from '../../src/engine';
import { createSessionStore } from '../../src/state/session-store';
import { continueFromSafeState, tryAgainFromStart } from '../../src/state/try-again';

const file = 'scenes/wood/intro-workbench/scenario.json';
function sample(): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

function store() {
  let now = 1_700_000_000_000;
  let n = 0;
  const clock = { now: () => now, uuid: () => `00000000-0000-4000-8000-00000000000${n++}`, advance: (ms: number) => (now += ms) };
  return { clock, session: createSessionStore(clock) };
}

describe('try again and go on (practice after a critical rule)', () => {
  test('continue: only while halted; the continue event is recorded with the rule id; a second press does nothing', () => {
    const { clock, session } = store();
    const sc = sample();
    session.getState().start(sc, scenarioHash(sc), 'practice', 'ar');
    continueFromSafeState(session, 'desktop');
    expect(session.getState().events).toEqual([]);
    clock.advance(1000);
    session.getState().act('press', 'start-button', 'desktop');
    expect(session.getState()).toMatchObject({ status: 'playing', engine: { halted: { rules: ['start-without-glasses'], resumeAt: 'wear-glasses' } } });
    clock.advance(4000);
    continueFromSafeState(session, 'touch');
    continueFromSafeState(session, 'touch');
    expect(session.getState().events.map((e) => [e.t, e.action, e.object, e.device])).toEqual([
      [1000, 'press', 'start-button', 'desktop'],
      [5000, 'continue', 'start-without-glasses', 'touch'],
    ]);
    expect(session.getState().engine!.halted).toBeNull();
  });

  test('try again while playing: the attempt is finished (and so uploaded as it stands), a new one starts with a new id', () => {
    const { clock, session } = store();
    const sc = sample();
    session.getState().start(sc, scenarioHash(sc), 'practice', 'ar');
    const first = session.getState().sessionId;
    const ended: string[] = [];
    session.subscribe((s, prev) => {
      if (s.status === 'ended' && prev.status !== 'ended') ended.push(`${s.sessionId}:${s.events.length}:${s.result?.failedByCritical}`);
    });
    clock.advance(1000);
    session.getState().act('press', 'start-button', 'desktop');
    tryAgainFromStart(session, 'ti');
    expect(ended).toEqual([`${first}:1:true`]);
    expect(session.getState()).toMatchObject({ status: 'playing', mode: 'practice', language: 'ti', events: [], result: null });
    expect(session.getState().sessionId).not.toBe(first);
    expect(session.getState().engine!.available).toEqual(['wear-glasses']);
  });

  test('try again after an exam is practice (exams start from the start screen)', () => {
    const { clock, session } = store();
    const sc = sample();
    session.getState().start(sc, scenarioHash(sc), 'exam', 'nl');
    clock.advance(1000);
    session.getState().act('press', 'start-button', 'desktop');
    expect(session.getState().status).toBe('ended');
    tryAgainFromStart(session, 'nl');
    expect(session.getState()).toMatchObject({ status: 'playing', mode: 'practice' });
  });
});
