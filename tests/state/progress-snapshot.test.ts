import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, scenarioHash, type Scenario } from '../../src/engine';
import { progressMessageSchema } from '../../src/shared/live-progress';
import { initialHelp } from '../../src/state/help-request';
import { progressSnapshot } from '../../src/state/progress-snapshot';
import { createSessionStore } from '../../src/state/session-store';

const file = 'scenes/wood/intro-workbench/scenario.json';

function sampleScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('progress snapshot of a live attempt', () => {
  test('step by step: the step due and the time on it, mistakes, stuck, the end with its score — each a valid message', () => {
    let now = 1_700_000_000_000;
    const store = createSessionStore({ now: () => now, uuid: () => '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' });
    const scenario = sampleScenario();
    const help = { ...initialHelp, live: true, asked: 1 };
    expect(progressSnapshot(store.getState(), help, now, 'desktop')).toBeNull();
    store.getState().start(scenario, scenarioHash(scenario), 'practice', 'en');
    now += 1500;
    store.getState().act('wear', 'safety-glasses', 'vr-controller');
    now += 2500;
    const second = progressSnapshot(store.getState(), help, now, 'desktop')!;
    expect(second).toMatchObject({ step: { id: 'start-drill', onStepMs: 2500 }, stepsDone: 1, stepsTotal: 3, device: 'vr-controller', helpAsked: 1, stuck: false, finished: null, elapsedMs: 4000 });
    // Two minutes on the next step: stuck, as the engine defines it.
    now += 120_000;
    expect(progressSnapshot(store.getState(), help, now, 'desktop')!.stuck).toBe(true);
    store.getState().act('press', 'start-button', 'desktop');
    store.getState().act('press', 'stop-button', 'desktop');
    const end = progressSnapshot(store.getState(), help, now + 60_000, 'desktop')!;
    expect(end).toMatchObject({ step: null, stepsDone: 3, finished: { score: expect.any(Number) as number, passed: expect.any(Boolean) as boolean }, stuck: false, elapsedMs: 124_000 });
    for (const s of [second, end]) expect(progressMessageSchema.safeParse({ v: 1, seq: 1, ...s }).success).toBe(true);
  });
});
