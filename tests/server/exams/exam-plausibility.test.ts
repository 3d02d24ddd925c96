import { describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../../src/engine';
import { minimumGapMs, plausibilityFlags } from '../../../src/server/exams/exam-plausibility';
import { readScenes } from '../../../src/server/scenario-catalog';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const times = { startedAt: '2026-11-26T09:00:00.000Z', endedAt: '2026-11-26T09:10:00.000Z' };
const ev = (t: number, action: string, object = 'x'): SessionEvent => ({ t, action, object, device: 'vr-controller' });

describe('plausibility of an exam log', () => {
  test('per step: each action against its own minimum, not only the total', () => {
    // Slow overall (a minute), but one wear 100 ms after a press: flagged at that step.
    const log = [ev(5000, 'press'), ev(5100, 'wear', 'safety-glasses'), ev(60_000, 'press')];
    expect(plausibilityFlags(log, times)).toEqual([{ kind: 'too-fast', n: 1, action: 'wear', object: 'safety-glasses', gapMs: 100, minimumMs: minimumGapMs.wear }]);
    // A hold's end is timed by the engine, not here.
    expect(plausibilityFlags([ev(5000, 'hold-start'), ev(5001, 'hold-end')], times)).toEqual([]);
  });

  test('every station\'s ideal path as written (round seconds, no pauses removed) is flagged as machine-made, not as too fast', () => {
    for (const entry of readScenes(process.cwd())) {
      const { scenario } = entry;
      let file: string;
      try {
        file = readFileSync(join(process.cwd(), 'scenes', scenario.sector, scenario.station, 'ideal-path.json'), 'utf8');
      } catch {
        continue;
      }
      const events = (JSON.parse(file) as { events: Omit<SessionEvent, 'device'>[] }).events.map((e) => ({ ...e, device: 'desktop' as const }));
      const kinds = plausibilityFlags(events, times).map((f) => f.kind);
      if (events.length >= 5 && events.every((e) => e.t % 100 === 0)) expect(kinds, scenario.id).toContain('regular-times');
      expect(kinds, scenario.id).not.toContain('too-fast');
    }
  });

  test('events after the session\'s end are flagged; an empty log has nothing to flag', () => {
    expect(plausibilityFlags([ev(1234, 'press'), ev(700_000, 'press')], times).map((f) => f.kind)).toEqual(['beyond-session']);
    expect(plausibilityFlags([], times)).toEqual([]);
  });
});
