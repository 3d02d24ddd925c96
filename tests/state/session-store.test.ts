import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, scenarioHash, score, type Scenario } from '../../src/engine';
import { createSessionStore } from '../../src/state/session-store';
import { mainDevice, sessionRecord } from '../../src/results/session-record';

const file = 'scenes/wood/intro-workbench/scenario.json';

function sampleScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

/** A clock the test moves by hand: no hidden time. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, uuid: () => '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f', advance: (ms: number) => (now += ms) };
}

describe('session store', () => {
  test('events carry time since start from the injected clock; the ideal path ends the session at 100', () => {
    const clock = manualClock();
    const store = createSessionStore(clock);
    const scenario = sampleScenario();
    store.getState().start(scenario, scenarioHash(scenario), 'practice', 'en');
    clock.advance(1500);
    store.getState().act('wear', 'safety-glasses', 'desktop');
    clock.advance(2000);
    store.getState().act('press', 'start-button', 'desktop');
    clock.advance(2500);
    store.getState().act('press', 'stop-button', 'vr-controller');
    const s = store.getState();
    expect(s.events.map((e) => e.t)).toEqual([1500, 3500, 6000]);
    expect(s.status).toBe('ended');
    expect(s.result?.total).toBe(100);
    // The live result is exactly the replay of the log (what the server computes).
    expect(score(scenario, s.events, 'practice').total).toBe(s.result?.total);
  });

  test('acting after the end or before a start does nothing', () => {
    const store = createSessionStore(manualClock());
    store.getState().act('press', 'start-button', 'desktop');
    expect(store.getState().events).toEqual([]);
  });

  test('the session record names the main device and the scenario version and hash', () => {
    const clock = manualClock();
    const store = createSessionStore(clock);
    const scenario = sampleScenario();
    store.getState().start(scenario, scenarioHash(scenario), 'practice', 'nl');
    store.getState().act('wear', 'safety-glasses', 'vr-hand');
    store.getState().act('press', 'start-button', 'vr-controller');
    clock.advance(10);
    store.getState().act('press', 'stop-button', 'vr-controller');
    const record = sessionRecord(store.getState(), 'desktop');
    expect(record).toMatchObject({ scenarioId: 'wood-intro-workbench', device: 'vr-controller', language: 'nl', clientScore: 100 });
    expect(record.scenarioHash).toBe(scenarioHash(scenario));
    expect(Date.parse(record.endedAt) - Date.parse(record.startedAt)).toBe(10);
  });

  test('mainDevice falls back when there are no events', () => {
    expect(mainDevice([], 'touch')).toBe('touch');
  });
});
