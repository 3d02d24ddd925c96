import { z } from 'zod';
import { languageTagProblem, sessionEventSchema } from '../engine';
import { plainEventLog } from './event-log-check';
import { posesSchema } from './poses-body';

/** A practice session is minutes long; a day bounds the stored duration (a 32-bit integer on PostgreSQL). */
export const maxSessionMs = 24 * 60 * 60 * 1000;

const maxEvents = 50_000;

/** Every field but the log: shared by the full schema and the one used once the log is known good. */
const bodyFields = {
  // Lower case, so an upper-case retry of the same UUID is the same session, not a second row.
  id: z.uuid({ message: 'must be a UUID made by the client' }).transform((id) => id.toLowerCase()),
  scenarioId: z.string().min(1).max(120),
  scenarioVersion: z.number().int().min(1).max(1_000_000),
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex content hash of the scenario'),
  mode: z.enum(['practice', 'exam']),
  device: z.enum(['desktop', 'touch', 'vr-controller', 'vr-hand']),
  // RFC 5646, as xAPI's context.language needs it: `nl-a1` or `ar-abcdefgh-ab` is refused, naming the part.
  language: z.string().superRefine((tag, ctx) => {
    const problem = languageTagProblem(tag);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  clientScore: z.number().min(0).max(100),
  // Head and hands at ~10 Hz (docs/api.md, "Poses"); left out by a headset that recorded none.
  poses: posesSchema.optional(),
};

function checkTimes(body: { startedAt: string; endedAt: string; events: readonly unknown[]; poses?: { lastMs: number } | undefined }, ctx: z.RefinementCtx) {
  const duration = Date.parse(body.endedAt) - Date.parse(body.startedAt);
  // Poses share the events' clock (ms from startedAt); a frame's worth of slack past the end.
  if (body.poses && body.poses.lastMs > duration + 1000) {
    ctx.addIssue({ code: 'custom', path: ['poses', 'data'], message: `a pose at ${body.poses.lastMs} ms is after the session's end (${duration} ms after startedAt)` });
  }
  if (duration < 0) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before startedAt' });
  if (duration > maxSessionMs) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'a session lasts at most 24 hours after startedAt' });
  const events = body.events as readonly { t: number }[];
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.t < events[i - 1]!.t) {
      ctx.addIssue({ code: 'custom', path: ['events', i, 't'], message: 'event times must not go backwards' });
      break;
    }
  }
}

/** What a client may send to POST /api/sessions; anything else is refused with the field named. */
export const sessionBodySchema = z
  .strictObject({ ...bodyFields, events: z.array(sessionEventSchema).max(maxEvents, 'at most 50,000 events in one session') })
  .superRefine(checkTimes);

/** The same schema for a log `plainEventLog` already accepted: the events are not checked twice. */
const checkedLogBodySchema = z.strictObject({ ...bodyFields, events: z.array(z.unknown()).max(maxEvents) }).superRefine(checkTimes);

export type SessionBody = z.infer<typeof sessionBodySchema>;

/** `events[3].t` style paths, the same way the engine names JSON paths. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(body)';
}

/**
 * `sessionBodySchema.safeParse`, cheaper for the usual upload: a log the hand-written check
 * accepts skips zod's per-event work; any other goes through the full schema, so the answer (and
 * every message) is the full schema's whatever arrives.
 */
export function parseSessionBody(input: unknown): ReturnType<typeof sessionBodySchema.safeParse> {
  const events = typeof input === 'object' && input !== null ? plainEventLog((input as { events?: unknown }).events, maxEvents) : null;
  if (!events) return sessionBodySchema.safeParse(input);
  return checkedLogBodySchema.safeParse({ ...(input as object), events }) as ReturnType<typeof sessionBodySchema.safeParse>;
}
