import { z } from 'zod';
import { progressMessageSchema, type ProgressMessage } from '../../shared/live-progress';
import type { LiveTile } from '../../shared/live-tile';
import type { LiveSessions } from '../dashboard/live-sessions';

/** What every instance hears about a live attempt: a headset's progress, or a trainer's answer to its call for help. */
const broadcastSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress'),
    organisationId: z.string(),
    trainee: z.object({ id: z.string(), code: z.string(), alias: z.string().nullable() }),
    message: progressMessageSchema,
  }),
  z.object({ kind: z.literal('help-acknowledged'), organisationId: z.string(), attemptId: z.string(), request: z.number().int().min(1) }),
]);

type Broadcast = z.input<typeof broadcastSchema>;

/** A live attempt as this instance knows it. */
interface Attempt {
  organisationId: string;
  trainee: LiveTile['trainee'];
  message: ProgressMessage;
  helpAcknowledged: number;
  /** This instance's clock when it last heard from the headset: offline and forgetting count from here. */
  heardAt: number;
}

export interface LiveAttemptsOptions {
  live: LiveSessions;
  /** Milliseconds (injected, so tests move time). */
  now: () => number;
  /** An attempt not heard from this long is forgotten: progress is kept no longer than the attempt and a while after. */
  forgetAfterMs?: number;
}

type Listener = { tile(tile: LiveTile): void; gone(attemptId: string): void };

/** Live attempts are forgotten a quarter of an hour after the headset's last message. */
export const forgetAfterMs = 15 * 60 * 1000;

/**
 * The live class view's state, in memory only (never in the database): every instance keeps its own
 * copy, built from what the instances broadcast (LISTEN/NOTIFY on PostgreSQL, src/server/dashboard/
 * live-sessions.ts). A headset may reach any instance and a trainer watch through another: each
 * message is a whole snapshot, so an instance that started late knows every attempt after the next
 * heartbeat (5 s).
 */
export class LiveAttempts {
  private readonly attempts = new Map<string, Attempt>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly unsubscribe: () => void;
  private readonly forgetMs: number;

  constructor(private readonly opts: LiveAttemptsOptions) {
    this.forgetMs = opts.forgetAfterMs ?? forgetAfterMs;
    this.unsubscribe = opts.live.onBroadcast((raw) => {
      const parsed = broadcastSchema.safeParse(raw);
      if (parsed.success) this.apply(parsed.data);
    });
  }

  /** The trainee an attempt belongs to, if this instance has heard of it. */
  ownerOf(attemptId: string): { organisationId: string; traineeId: string } | null {
    const a = this.attempts.get(attemptId);
    return a ? { organisationId: a.organisationId, traineeId: a.trainee.id } : null;
  }

  /** A headset's progress, passed to every instance. Answers with the help request acknowledged so far. */
  async report(organisationId: string, trainee: LiveTile['trainee'], message: ProgressMessage): Promise<number> {
    this.forgetOld();
    await this.opts.live.broadcast({ kind: 'progress', organisationId, trainee, message } satisfies Broadcast);
    return this.attempts.get(message.attemptId)?.helpAcknowledged ?? 0;
  }

  /** A trainer's "I am coming": false when the attempt is not this organisation's or never asked that often. */
  async acknowledge(organisationId: string, attemptId: string, request: number): Promise<'ok' | 'unknown' | 'not-asked'> {
    const a = this.attempts.get(attemptId);
    if (!a || a.organisationId !== organisationId) return 'unknown';
    if (request > a.message.helpAsked) return 'not-asked';
    await this.opts.live.broadcast({ kind: 'help-acknowledged', organisationId, attemptId, request } satisfies Broadcast);
    return 'ok';
  }

  /** The organisation's live attempts now. */
  tiles(organisationId: string): LiveTile[] {
    this.forgetOld();
    const out: LiveTile[] = [];
    for (const a of this.attempts.values()) if (a.organisationId === organisationId) out.push(this.tileOf(a));
    return out;
  }

  /** Hears the organisation's tiles as they change and attempts as they are forgotten. */
  subscribe(organisationId: string, listener: Listener): () => void {
    let set = this.listeners.get(organisationId);
    if (!set) this.listeners.set(organisationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(organisationId);
    };
  }

  /** Drops attempts silent for too long and tells the watching trainers. Called on every read and by the app's timer. */
  forgetOld(): void {
    const now = this.opts.now();
    for (const [id, a] of this.attempts) {
      if (now - a.heardAt < this.forgetMs) continue;
      this.attempts.delete(id);
      for (const l of this.listeners.get(a.organisationId) ?? []) l.gone(id);
    }
  }

  close(): void {
    this.unsubscribe();
    this.attempts.clear();
    this.listeners.clear();
  }

  private tileOf(a: Attempt): LiveTile {
    const m = a.message;
    return {
      attemptId: m.attemptId,
      trainee: a.trainee,
      scenarioId: m.scenarioId,
      mode: m.mode,
      device: m.device,
      step: m.step,
      stepsDone: m.stepsDone,
      stepsTotal: m.stepsTotal,
      mistakes: m.mistakes,
      violations: m.violations,
      critical: m.critical,
      hints: m.hints,
      stuck: m.stuck,
      helpAsked: m.helpAsked,
      helpAcknowledged: a.helpAcknowledged,
      finished: m.finished,
      silentMs: Math.max(0, this.opts.now() - a.heardAt),
    };
  }

  private apply(b: z.output<typeof broadcastSchema>): void {
    const known = b.kind === 'progress' ? this.attempts.get(b.message.attemptId) : this.attempts.get(b.attemptId);
    if (b.kind === 'progress') {
      // One attempt is one trainee's: another organisation's message under the same id changes nothing.
      if (known && (known.organisationId !== b.organisationId || known.trainee.id !== b.trainee.id)) return;
      // Overtaken on the way (two instances, two connections): the newer snapshot stays.
      if (known && b.message.seq <= known.message.seq) return;
      const attempt: Attempt = { organisationId: b.organisationId, trainee: b.trainee, message: b.message, helpAcknowledged: Math.max(known?.helpAcknowledged ?? 0, Math.min(b.message.helpAnswered, b.message.helpAsked)), heardAt: this.opts.now() };
      this.attempts.set(b.message.attemptId, attempt);
      this.tell(attempt);
      return;
    }
    if (!known || known.organisationId !== b.organisationId || b.request <= known.helpAcknowledged) return;
    known.helpAcknowledged = b.request;
    this.tell(known);
  }

  private tell(a: Attempt): void {
    const set = this.listeners.get(a.organisationId);
    if (!set) return;
    const tile = this.tileOf(a);
    for (const l of set) l.tile(tile);
  }
}
