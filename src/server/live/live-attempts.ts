import { z } from 'zod';
import { progressMessageSchema, type LivePosesEvent, type ProgressMessage } from '../../shared/live-progress';
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
  // A trainer watches the attempt in 3D (said again every few seconds while they do).
  z.object({ kind: z.literal('watch'), organisationId: z.string(), attemptId: z.string() }),
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
  /** The last poses the headset sent (version 2, only while watched), in memory like the rest. */
  poses: LivePosesEvent | null;
  /** This instance's clock until which a trainer is known to watch in 3D. */
  watchedUntil: number;
}

export interface LiveAttemptsOptions {
  live: LiveSessions;
  /** Milliseconds (injected, so tests move time). */
  now: () => number;
  /** An attempt not heard from this long is forgotten: progress is kept no longer than the attempt and a while after. */
  forgetAfterMs?: number;
}

type Listener = { tile(tile: LiveTile): void; gone(attemptId: string): void };
/** Who watches one attempt in 3D: its tile, its poses as they come, its end. */
type AttemptListener = Listener & { poses(event: LivePosesEvent): void };

/** Live attempts are forgotten a quarter of an hour after the headset's last message. */
export const forgetAfterMs = 15 * 60 * 1000;
/**
 * A watch said this long ago still holds: the watching stream says it again every `watchRenewMs`,
 * so a trainer who closes the view stops the headset's poses within this time.
 */
export const watchHoldsMs = 12_000;
export const watchRenewMs = 4_000;

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
  private readonly attemptListeners = new Map<string, Set<AttemptListener>>();
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

  /**
   * A headset's progress, passed to every instance. Answers with the help request acknowledged so
   * far and whether a trainer watches the attempt in 3D (then the headset sends its poses along).
   */
  async report(organisationId: string, trainee: LiveTile['trainee'], message: ProgressMessage): Promise<{ helpAcknowledged: number; watched: boolean }> {
    this.forgetOld();
    await this.opts.live.broadcast({ kind: 'progress', organisationId, trainee, message } satisfies Broadcast);
    const a = this.attempts.get(message.attemptId);
    return { helpAcknowledged: a?.helpAcknowledged ?? 0, watched: a !== undefined && a.watchedUntil > this.opts.now() };
  }

  /** The organisation's live attempt `attemptId` as its tile, or null (unknown here, or another organisation's). */
  tile(organisationId: string, attemptId: string): LiveTile | null {
    this.forgetOld();
    const a = this.attempts.get(attemptId);
    return a && a.organisationId === organisationId ? this.tileOf(a) : null;
  }

  /** The last poses heard of the organisation's attempt, or null. */
  lastPoses(organisationId: string, attemptId: string): LivePosesEvent | null {
    const a = this.attempts.get(attemptId);
    return a && a.organisationId === organisationId ? a.poses : null;
  }

  /**
   * A trainer watches the attempt in 3D: every instance hears it, so the one the headset reaches
   * asks for poses. Said again every `watchRenewMs` while the view is open; false when the attempt
   * is not this organisation's (or not heard of here).
   */
  async watch(organisationId: string, attemptId: string): Promise<boolean> {
    const a = this.attempts.get(attemptId);
    if (!a || a.organisationId !== organisationId) return false;
    await this.opts.live.broadcast({ kind: 'watch', organisationId, attemptId } satisfies Broadcast);
    return true;
  }

  /** Hears one attempt of the organisation: its tile and poses as they come, and its end. */
  subscribeAttempt(organisationId: string, attemptId: string, listener: AttemptListener): () => void {
    const key = `${organisationId}/${attemptId}`;
    let set = this.attemptListeners.get(key);
    if (!set) this.attemptListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.attemptListeners.delete(key);
    };
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
      for (const l of this.attemptListeners.get(`${a.organisationId}/${id}`) ?? []) l.gone(id);
    }
  }

  close(): void {
    this.unsubscribe();
    this.attempts.clear();
    this.listeners.clear();
    this.attemptListeners.clear();
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
      const poses: LivePosesEvent | null = b.message.v === 2 ? { attemptId: b.message.attemptId, seq: b.message.seq, poses: b.message.poses } : (known?.poses ?? null);
      const attempt: Attempt = {
        organisationId: b.organisationId,
        trainee: b.trainee,
        message: b.message,
        helpAcknowledged: Math.max(known?.helpAcknowledged ?? 0, Math.min(b.message.helpAnswered, b.message.helpAsked)),
        heardAt: this.opts.now(),
        // Poses are for the watching trainer only: the attempt's end drops them.
        poses: b.message.finished ? null : poses,
        watchedUntil: known?.watchedUntil ?? 0,
      };
      this.attempts.set(b.message.attemptId, attempt);
      this.tell(attempt);
      if (b.message.v === 2 && attempt.poses) for (const l of this.attemptListeners.get(`${b.organisationId}/${b.message.attemptId}`) ?? []) l.poses(attempt.poses);
      return;
    }
    if (b.kind === 'watch') {
      // This instance's own clock: instances' clocks need not agree.
      if (known && known.organisationId === b.organisationId) known.watchedUntil = this.opts.now() + watchHoldsMs;
      return;
    }
    if (!known || known.organisationId !== b.organisationId || b.request <= known.helpAcknowledged) return;
    known.helpAcknowledged = b.request;
    this.tell(known);
  }

  private tell(a: Attempt): void {
    const tile = this.tileOf(a);
    for (const l of this.listeners.get(a.organisationId) ?? []) l.tile(tile);
    for (const l of this.attemptListeners.get(`${a.organisationId}/${a.message.attemptId}`) ?? []) l.tile(tile);
  }
}
