import { createStore } from 'zustand/vanilla';

/**
 * The attempt whose replay the trainee may open from the end screen (issue 28's debrief): set by the
 * overlay's end screen once the record is saved, the trainee signed in and a slip made (the replay
 * reads the stored record with the trainee's own token); the headset's end panel offers the same.
 * Null: nothing to replay.
 */
export const debriefOffer = createStore<{ sessionId: string | null }>()(() => ({ sessionId: null }));

/** The replay page's address for the trainee's own attempt, paused at its first mistake or at `at` (ms). */
export function debriefUrl(sessionId: string, language: string, at?: number): string {
  const where: Record<string, string> = at === undefined ? { from: 'first-mistake' } : { at: String(at) };
  return `/replay.html?${new URLSearchParams({ session: sessionId, ...where, as: 'trainee', lng: language }).toString()}`;
}
