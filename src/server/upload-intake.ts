import secureJson from 'secure-json-parse';
import type { z } from 'zod';
import type { Scenario, SessionEvent } from '../engine';
import { nestingBeyond } from './http/json-nesting';
import { fieldPath, parseSessionBody } from './session-body';
import { nulPath } from './text-guard';
import { scoreUpload, type UploadFields, type UploadScoring } from './upload-scoring';

/**
 * What reading an upload's bytes gave: its fields (the log stays where it was parsed, under `job`),
 * or why it is refused, in the words the route answers with. `invalid-json`, `empty` and `too-deep`
 * are the JSON parser's own refusals (the route raises Fastify's or the app's error for them).
 */
export type IntakeResult =
  | { ok: true; job: number; fields: UploadFields; events: number }
  | { ok: false; refusal: 'empty' }
  | { ok: false; refusal: 'invalid-json' }
  | { ok: false; refusal: 'too-deep'; at: number }
  | { ok: false; refusal: 'answer'; status: 400; body: Record<string, unknown> };

/** The 400 answer for a body the session schema refuses: every problem named, the first 20. */
export function invalidSession(error: z.ZodError): Record<string, unknown> {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: fieldPath(i.path), message: i.message }));
  return { error: 'invalid-session', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}

/**
 * Every check an upload's body passes before the route looks at it, in the order the request thread
 * ran them before (nesting, JSON with prototype poisoning refused, NUL characters, the schema), from
 * its raw bytes. A valid body's event log stays here, under a job number, for the later steps: the
 * fields alone go back to the route. Runs on an upload-scorer thread (or inline when there is none).
 */
export class UploadJobs {
  private readonly jobs = new Map<number, { fields: UploadFields; events: SessionEvent[] }>();
  private nextJob = 1;

  intake(bytes: Uint8Array): IntakeResult {
    if (bytes.length === 0) return { ok: false, refusal: 'empty' };
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const at = nestingBeyond(text);
    if (at >= 0) return { ok: false, refusal: 'too-deep', at };
    let value: unknown;
    try {
      // What Fastify's JSON parser does, with the app's settings ('error' on both poisonings).
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return { ok: false, refusal: 'invalid-json' };
    }
    // A NUL can only come from a \u0000 escape: a body without one needs no walk.
    const nul = text.includes('\\u0000') ? nulPath(value) : null;
    if (nul) {
      return { ok: false, refusal: 'answer', status: 400, body: { error: 'invalid-request', message: `${nul}: text must not contain the NUL character (\\u0000)`, issues: [{ path: nul, message: 'must not contain the NUL character (\\u0000)' }] } };
    }
    const parsed = parseSessionBody(value);
    if (!parsed.success) return { ok: false, refusal: 'answer', status: 400, body: invalidSession(parsed.error) };
    const { events, ...fields } = parsed.data;
    const job = this.nextJob++;
    this.jobs.set(job, { fields, events });
    return { ok: true, job, fields, events: events.length };
  }

  private get(job: number) {
    const kept = this.jobs.get(job);
    if (!kept) throw new Error(`upload job ${job} is not here (released, or its thread restarted)`);
    return kept;
  }

  /** Replays, serialises and hashes a job's log (see `scoreUpload`). */
  score(job: number, scenario: Scenario, traineeId: string | null): UploadScoring {
    const { fields, events } = this.get(job);
    return scoreUpload(fields, events, scenario, traineeId);
  }

  /** A job's event log, for the rare step that needs it on the request thread (exam flags, a stored row from before the hash). */
  events(job: number): SessionEvent[] {
    return this.get(job).events;
  }

  release(job: number): void {
    this.jobs.delete(job);
  }

  get size(): number {
    return this.jobs.size;
  }
}
