import { z } from 'zod';

/**
 * A live attempt's progress, as a headset sends it to the trainer's live class view: a whole
 * snapshot every time (never a change), so a message that is dropped or overtaken costs nothing —
 * the next one says everything again. Best effort beside the outbox, never the record of a result.
 *
 * Versioned: `v` tells the server which shape follows. A later version (poses for a live replay)
 * is a new member of the union; headsets that send version 1 keep working.
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

export const progressMessageSchema = z.discriminatedUnion('v', [progressV1Schema]);

export type ProgressMessage = z.infer<typeof progressMessageSchema>;

/** The server's answer to a progress message: the help request the trainer has acknowledged (0: none). */
export interface ProgressAnswer {
  helpAcknowledged: number;
}
