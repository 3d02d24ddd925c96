// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { forgetKeptPath, mapStateOf, nextModule, readKeptPath, refreshTraineePath, traineePathKey, traineePathStore } from '../../src/state/trainee-path-store';

const answer = {
  path: { id: 'wood', name: null, sector: 'wood', sourcePathId: 'wood' },
  modules: [
    { scenarioId: 'wood-intro-workbench', state: 'mastered', next: false, examOpen: false, practicePasses: 1, practiceNeeded: 1 },
    { scenarioId: 'wood-panel-saw', state: 'exam', next: true, examOpen: true, practicePasses: 0, practiceNeeded: 0 },
    { scenarioId: 'wood-edge-banding', state: 'locked', next: false, examOpen: false, practicePasses: 0, practiceNeeded: 2 },
  ],
};
const sam = { token: 'token-sam', code: 'K7MX-4Q' };
const answering = (status: number, body: unknown): typeof fetch => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

beforeEach(() => localStorage.clear());

describe("the trainee's path on the headset (issue 26)", () => {
  test('the server’s answer is shown and kept; offline, the kept copy is shown', async () => {
    const view = await refreshTraineePath(sam, answering(200, answer));
    expect(view?.modules.map((m) => `${m.scenarioId}:${mapStateOf(m)}`)).toEqual(['wood-intro-workbench:done', 'wood-panel-saw:next', 'wood-edge-banding:locked']);
    expect(nextModule(view)).toMatchObject({ scenarioId: 'wood-panel-saw', examOpen: true });
    expect(await refreshTraineePath(sam, offline)).toEqual(view);
    // A server that cannot answer now (restarting: 503) leaves the kept copy too.
    expect(await refreshTraineePath(sam, answering(503, { error: 'unavailable' }))).toEqual(view);
    expect(readKeptPath(sam.code)).toEqual(view);
  });

  test('another trainee on the same headset never sees the kept path; "next trainee" removes it', async () => {
    await refreshTraineePath(sam, answering(200, answer));
    expect(readKeptPath('P2RT-9Z')).toBeNull();
    expect(await refreshTraineePath({ token: 'token-noor', code: 'P2RT-9Z' }, offline)).toBeNull();
    traineePathStore.setState({ view: readKeptPath(sam.code) });
    forgetKeptPath();
    expect(localStorage.getItem(traineePathKey)).toBeNull();
    expect(traineePathStore.getState().view).toBeNull();
  });

  test('a group without a path (or a path taken away) shows no map and keeps nothing; a malformed answer is no path', async () => {
    await refreshTraineePath(sam, answering(200, answer));
    expect(await refreshTraineePath(sam, answering(200, { path: null }))).toBeNull();
    expect(readKeptPath(sam.code)).toBeNull();
    expect(await refreshTraineePath(sam, answering(200, { ...answer, modules: [{ scenarioId: 'wood-panel-saw', state: 'half-done', next: true, examOpen: false }] }))).toBeNull();
    localStorage.setItem(traineePathKey, '{"code":"K7MX-4Q","answer":');
    expect(readKeptPath(sam.code)).toBeNull();
  });

  test('a path with every module done has no next module; an open module after the next one is open, not next', () => {
    const done = { code: sam.code, modules: answer.modules.map((m) => ({ ...m, state: 'mastered' as const, next: false })) };
    expect(nextModule(done)).toBeNull();
    expect(mapStateOf({ scenarioId: 'x', state: 'practice', next: false, examOpen: false })).toBe('open');
  });
});
