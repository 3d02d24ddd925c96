import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario, type SessionEvent } from '../../../src/engine';
import { sessionTimeline } from '../../../src/server/dashboard/session-timeline';

const file = 'scenes/wood/intro-workbench/scenario.json';
const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const sc = parsed.scenario;
const ev = (t: number, action: string, object: string): SessionEvent => ({ t, action, object, device: 'desktop' });

describe("the trainer's timeline shows the practice stop and the continuation", () => {
  test('undone steps at the critical event, the continue event names the rule and where it went on', () => {
    // Glasses on, then off again, start: critical; the drill stops, wear-glasses is undone; go on; redo.
    const log = [ev(1000, 'wear', 'safety-glasses'), ev(2000, 'remove', 'safety-glasses'), ev(3000, 'press', 'start-button'), ev(8000, 'continue', 'start-without-glasses'), ev(9000, 'wear', 'safety-glasses'), ev(10000, 'press', 'start-button'), ev(11000, 'press', 'stop-button')];
    const { events, result } = sessionTimeline(sc, log, 'practice');
    expect(events[2]).toMatchObject({ action: 'press', violations: [expect.objectContaining({ rule: 'start-without-glasses', critical: true })], undone: ['wear-glasses'] });
    expect(events[3]).toMatchObject({ action: 'continue', continued: { rule: 'start-without-glasses', resumeAt: 'wear-glasses' } });
    expect(events[0]!.continued).toBeUndefined();
    expect(result).toMatchObject({ passed: false, countsForMastery: false, continuations: [expect.objectContaining({ rule: 'start-without-glasses' })] });
    expect(result.steps.every((s) => s.done)).toBe(true);
  });
});
