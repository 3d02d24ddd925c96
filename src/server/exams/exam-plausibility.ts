import type { SessionEvent } from '../../engine';
import type { ExamFlag } from '../../shared/exam-flag';

/**
 * The least time a person needs for an action after the one before it (or after the station
 * appeared, for the first): move a controller ray or a mouse to another object and press. Set
 * below a quick person's pace (aimed pointing takes several hundred milliseconds), so a fast
 * trainee is not flagged and a script posting the ideal path without its pauses is; not yet
 * checked against real trainees' logs (docs/exams.md). `hold-end` and `exit` are timed by the
 * engine's own minimum durations.
 */
export const minimumGapMs: Readonly<Record<string, number>> = {
  wear: 600,
  remove: 400,
  grab: 250,
  release: 150,
  place: 300,
  set: 400,
  inspect: 300,
  classify: 400,
  answer: 400,
  open: 250,
  close: 250,
  lock: 250,
  unlock: 250,
  press: 200,
  'hold-start': 200,
  'hold-end': 0,
  enter: 250,
  exit: 0,
};

/** An action not listed above (a newer one) still needs this long. */
const defaultGapMs = 200;

/** A log this long whose every time is a whole 100 ms is generated, not played (odds for a person: 1 in 10^10). */
const regularTimesMinEvents = 5;

/** Event times are milliseconds since the session started; a second of slack for the clock that ended it. */
const endSlackMs = 1000;

/**
 * Flags for an exam's event log that a person could not have produced: actions faster than a
 * person can make them (counted per step action, not only the total), times on a machine's grid,
 * and events after the session's own end. None of them changes the score: the trainer decides.
 */
export function plausibilityFlags(events: readonly SessionEvent[], times: { startedAt: string; endedAt: string }): ExamFlag[] {
  const flags: ExamFlag[] = [];
  let tooFast: Extract<ExamFlag, { kind: 'too-fast' }> | null = null;
  let previous = 0;
  for (const e of events) {
    const minimum = minimumGapMs[e.action] ?? defaultGapMs;
    const gap = e.t - previous;
    if (gap < minimum) {
      if (tooFast) tooFast.n++;
      else tooFast = { kind: 'too-fast', n: 1, action: e.action, object: e.object, gapMs: Math.round(gap), minimumMs: minimum };
    }
    previous = e.t;
  }
  if (tooFast) flags.push(tooFast);
  if (events.length >= regularTimesMinEvents && events.every((e) => e.t % 100 === 0)) flags.push({ kind: 'regular-times' });
  const duration = Date.parse(times.endedAt) - Date.parse(times.startedAt);
  if (events.length > 0 && events[events.length - 1]!.t > duration + endSlackMs) flags.push({ kind: 'beyond-session' });
  return flags;
}
