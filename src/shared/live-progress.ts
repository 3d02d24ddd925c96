import { z } from 'zod';
import { maxLivePoseChars } from './live-pose-rate';

export { livePoseHz, livePoseWindowMs, maxLivePoseChars, maxLivePoseSamples } from './live-pose-rate';

/**
 * A live attempt's progress, as a headset sends it to the trainer's live class view: a whole
 * snapshot every time (never a change), so a message that is dropped or overtaken costs nothing —
 * the next one says everything again. Best effort beside the outbox, never the record of a result.
 *
 * Versioned: `v` tells the server which shape follows. Version 2 is version 1 with the trainee's
 * recent poses, sent only while a trainer watches the attempt in 3D (the replay page's live mode);
 * headsets that send version 1 keep working.
 */
const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore only');
const count = z.number().int().min(0).max(100_000);
const ms = z.number().int().min(0).max(24 * 60 * 60 * 1000);

export const progressV1Schema = z
  .object({
    v: z.literal(1),
    /** The attempt's own id (the session record's UUID): one tile per attempt. */
    attemptId: z.uuid({ message: 'must be the attempt\'s UUID' }).transform((u) => u.toLowerCase()),
    /** Rises with every message of an attempt: an older message arriving late is ignored. */
    seq: count,
    scenarioId: id,
    mode: z.enum(['practice', 'exam']),
    device: z.enum(['desktop', 'touch', 'vr-controller', 'vr-hand']),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as nl or ar').max(35),
    /** Time since the attempt started. */
    elapsedMs: ms,
    /** The step the trainee is on and how long they have been on it; null when none is left. */
    step: z.object({ id, onStepMs: ms }).strict().nullable(),
    stepsDone: count,
    stepsTotal: count,
    mistakes: count,
    violations: count,
    /** Critical rules broken so far (the trainer should come and look). */
    critical: count,
    hints: count,
    /** Stuck on the step as the engine defines it (src/engine/stuck.ts). */
    stuck: z.boolean(),
    /** How many times the trainee pressed "I need help" in this attempt; 0: never. */
    helpAsked: count,
    /**
     * The last of those the server said a trainer acknowledged: said back, so an instance that
     * started after the trainer answered knows it too.
     */
    helpAnswered: count,
    /** The attempt's end and its score as the headset computed it; the stored result is the server's. */
    finished: z.object({ score: z.number().min(0).max(100), passed: z.boolean() }).strict().nullable(),
  })
  .strict();

/**
 * The poses of a live message: the last second or so, at a low rate, packed as a session record's
 * (src/engine/pose-codec.ts; times from the attempt's start). A few hundred characters.
 */
export const livePosesSchema = z
  .object({
    hz: z.number().int().min(1).max(10),
    data: z.string().min(1).max(maxLivePoseChars, `at most ${maxLivePoseChars} characters of base64 (the last second of poses)`),
  })
  .strict();

export const progressV2Schema = progressV1Schema.extend({ v: z.literal(2), poses: livePosesSchema }).strict();

export const progressMessageSchema = z.discriminatedUnion('v', [progressV1Schema, progressV2Schema]);

export type ProgressMessage = z.infer<typeof progressMessageSchema>;
export type LivePoses = z.infer<typeof livePosesSchema>;
/** What a headset says of its attempt, before the sender numbers it; with `poses` it goes as version 2. */
export type ProgressBody = Omit<z.infer<typeof progressV1Schema>, 'v' | 'seq'> & { poses?: LivePoses };

/**
 * The server's answer to a progress message: the help request the trainer has acknowledged (0: none),
 * and whether a trainer watches this attempt in 3D now (then the headset adds its poses, once a second).
 */
export interface ProgressAnswer {
  helpAcknowledged: number;
  watched?: boolean;
}

/** What the live 3D view's stream sends (`GET /api/dashboard/live-attempts/:id/poses`, event `poses`). */
export interface LivePosesEvent {
  attemptId: string;
  seq: number;
  poses: LivePoses;
}
