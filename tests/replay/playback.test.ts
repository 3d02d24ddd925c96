import { describe, expect, test } from 'vitest';
import { replayAt, replayTimeline } from '../../src/engine/replay-view';
import { advance, currentMarkIndex, faster, seek, startPlayback, toNextMistake, togglePlay } from '../../src/replay/playback';
import { createReplayStore } from '../../src/replay/replay-store';
import { createSessionStore } from '../../src/state/session-store';
import { sampleScenario } from '../server/test-app';
import { sampleWithSlips as events } from '../engine/support/sample-slips';

const timeline = replayTimeline(sampleScenario(), 'practice', events, [], 6000);

describe('the replay playback', () => {
  test('runs at 1×, 2× and 4× the viewer’s time and stops at the end', () => {
    let p = togglePlay(startPlayback(6000));
    p = advance(p, 500);
    expect(p.t).toBe(500);
    p = faster(p);
    expect(p.speed).toBe(2);
    p = advance(p, 500);
    expect(p.t).toBe(1500);
    p = faster(p);
    p = advance(p, 10_000);
    expect(p).toMatchObject({ t: 6000, playing: false, speed: 4 });
    expect(faster(p).speed).toBe(1);
    // Play at the end starts again from the beginning; paused, time does not move.
    expect(togglePlay(p)).toMatchObject({ t: 0, playing: true });
    expect(advance(togglePlay(togglePlay(p)), 100).t).toBe(0);
  });

  test('seeks within the session and jumps to each mistake in turn, paused there', () => {
    const p = startPlayback(6000);
    expect(seek(p, -5).t).toBe(0);
    expect(seek(p, 99_999).t).toBe(6000);
    const first = toNextMistake(togglePlay(p), timeline);
    expect(first).toMatchObject({ t: 800, playing: false });
    const second = toNextMistake(first, timeline);
    expect(second.t).toBe(2600);
    // None left: it stays where it is.
    expect(toNextMistake(second, timeline)).toBe(second);
  });

  test('the current mark is the last one by then, a mistake first among marks of one moment', () => {
    expect(currentMarkIndex(timeline.marks, 799)).toBeNull();
    expect(timeline.marks[currentMarkIndex(timeline.marks, 800)!]).toMatchObject({ kind: 'mistake', t: 800 });
    expect(timeline.marks[currentMarkIndex(timeline.marks, 1300)!]).toMatchObject({ kind: 'hint', t: 1200 });
    const same = [
      { t: 5, kind: 'step' as const, id: 'a' },
      { t: 5, kind: 'violation' as const, id: 'r' },
      { t: 5, kind: 'hint' as const, id: 'b' },
    ];
    expect(currentMarkIndex(same, 5)).toBe(1);
  });

  test("keeps the station's session at the engine state of the moment shown, and never lets it act", () => {
    const session = createSessionStore({ now: () => 0, uuid: () => 'replayed' });
    session.setState({ status: 'ended', scenario: sampleScenario() });
    const store = createReplayStore(timeline, session, 0);
    expect(session.getState().engine).toBe(replayAt(timeline, 0).engine);
    store.getState().nextMistake();
    expect(session.getState().engine).toBe(replayAt(timeline, 800).engine);
    store.getState().seek(4000);
    expect(session.getState().engine!.completed.map((c) => c.id)).toEqual(replayAt(timeline, 4000).done);
    session.getState().act('press', 'stop-button', 'desktop');
    expect(session.getState().events).toEqual([]);
    // Played on by the frames: the session follows.
    store.getState().togglePlay();
    store.getState().tick(2500);
    expect(store.getState().playback).toMatchObject({ t: 6000, playing: false });
    expect(session.getState().engine).toBe(replayAt(timeline, 6000).engine);
  });
});
