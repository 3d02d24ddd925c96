import { describe, expect, test } from 'vitest';
import { held, isOnline, onStepNow, sortTiles } from '../../src/dashboard/live-tiles';
import type { LiveTile } from '../../src/shared/live-tile';

function tile(code: string, overrides: Partial<LiveTile> = {}): LiveTile {
  return {
    attemptId: `00000000-0000-4000-8000-${code.padStart(12, '0')}`,
    trainee: { id: code, code, alias: null },
    scenarioId: 'wood-intro-workbench',
    mode: 'practice',
    device: 'desktop',
    step: { id: 'start-drill', onStepMs: 2000 },
    stepsDone: 1,
    stepsTotal: 3,
    mistakes: 0,
    violations: 0,
    critical: 0,
    hints: 0,
    stuck: false,
    helpAsked: 0,
    helpAcknowledged: 0,
    finished: null,
    silentMs: 0,
    ...overrides,
  };
}

describe('live class view tiles', () => {
  test('who needs help first (asked, critical, stuck), then playing, finished, offline; by code within', () => {
    const now = 100_000;
    const tiles = [
      held(tile('A1'), now),
      held(tile('B2', { silentMs: 20_000 }), now),
      held(tile('C3', { finished: { score: 90, passed: true } }), now),
      held(tile('D4', { stuck: true }), now),
      held(tile('E5', { critical: 1 }), now),
      held(tile('F6', { helpAsked: 1 }), now),
      held(tile('G7', { helpAsked: 1, helpAcknowledged: 1 }), now),
      held(tile('A0', { helpAsked: 2, helpAcknowledged: 1 }), now),
    ];
    expect(sortTiles(tiles, now).map((h) => h.tile.trainee.code)).toEqual(['A0', 'F6', 'E5', 'D4', 'A1', 'G7', 'C3', 'B2']);
  });

  test('time on the step and online/offline move with the page\'s clock, not the server\'s', () => {
    const h = held(tile('A1', { silentMs: 1000 }), 50_000);
    expect(onStepNow(h, 50_000)).toBe(3000);
    expect(onStepNow(h, 55_000)).toBe(8000);
    expect(isOnline(h, 59_999)).toBe(true);
    expect(isOnline(h, 61_000)).toBe(false);
    // Offline, the clock on the step stops at what was last heard.
    expect(onStepNow(h, 70_000)).toBe(2000);
    expect(onStepNow(held(tile('B2', { finished: { score: 80, passed: true } }), 0), 0)).toBeNull();
  });
});
