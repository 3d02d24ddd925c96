import { describe, expect, test } from 'vitest';
import { fetchReplay, replayRequest, ReplayLoadError } from '../../src/replay/replay-request';

const id = '6f1c2a4e-0b7d-4e8a-9c3f-2d5e8a1b7c90';

/** A fetch that answers `status` and notes what it was asked. */
function fakeFetch(status: number, body: object = {}) {
  const asked: { url: string; headers: Record<string, string> }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    asked.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetcher, asked };
}

const problemOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof ReplayLoadError ? e.problem : String(e)));

describe("the replay page's address and its request", () => {
  test('reads the session, where to start, whose it is and the language; a malformed id is no id', () => {
    expect(replayRequest(`?session=${id}`)).toEqual({ sessionId: id, fromFirstMistake: false, at: null, liveAttemptId: null, asTrainee: false, language: null });
    expect(replayRequest(`?session=${id}&from=first-mistake&as=trainee&lng=ti`)).toEqual({ sessionId: id, fromFirstMistake: true, at: null, liveAttemptId: null, asTrainee: true, language: 'ti' });
    // Any one mistake of the debrief, by its moment; a moment that is no number is ignored.
    expect(replayRequest(`?session=${id}&at=4200&as=trainee`)).toMatchObject({ sessionId: id, at: 4200, asTrainee: true });
    expect(replayRequest(`?session=${id}&at=-5`).at).toBeNull();
    expect(replayRequest(`?session=${id}&at=1e9`).at).toBeNull();
    // A running attempt watched live: its id, checked like a session's.
    expect(replayRequest(`?live=${id.toUpperCase()}&lng=fr`)).toMatchObject({ sessionId: null, liveAttemptId: id, language: 'fr' });
    expect(replayRequest('?live=../api/groups').liveAttemptId).toBeNull();
    expect(replayRequest('?session=../api/groups').sessionId).toBeNull();
  });

  test("asks the trainer's route with the login, or the trainee's with their token", async () => {
    const trainer = fakeFetch(200, { sessionId: id });
    await fetchReplay(replayRequest(`?session=${id}`), null, trainer.fetcher);
    expect(trainer.asked).toEqual([{ url: `/api/dashboard/sessions/${id}/replay`, headers: {} }]);
    const trainee = fakeFetch(200, { sessionId: id });
    await fetchReplay(replayRequest(`?session=${id}&as=trainee`), 'tok', trainee.fetcher);
    expect(trainee.asked).toEqual([{ url: `/api/trainee/sessions/${id}/replay`, headers: { authorization: 'Bearer tok' } }]);
  });

  test('names why it cannot show the replay', async () => {
    expect(await problemOf(fetchReplay(replayRequest('?session=nope'), null, fakeFetch(200).fetcher))).toBe('bad-link');
    expect(await problemOf(fetchReplay(replayRequest(`?session=${id}&as=trainee`), null, fakeFetch(200).fetcher))).toBe('sign-in');
    expect(await problemOf(fetchReplay(replayRequest(`?session=${id}`), null, fakeFetch(401).fetcher))).toBe('sign-in');
    expect(await problemOf(fetchReplay(replayRequest(`?session=${id}`), null, fakeFetch(404).fetcher))).toBe('not-found');
    expect(await problemOf(fetchReplay(replayRequest(`?session=${id}`), null, fakeFetch(503).fetcher))).toBe('failed');
  });
});
