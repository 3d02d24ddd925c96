import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine';
import type { SessionBody } from './session-body';

/** Every field of an upload, in the hash's fixed order (a test checks this against the schema). */
export const hashedSessionFields = ['id', 'scenarioId', 'scenarioVersion', 'scenarioHash', 'mode', 'device', 'language', 'startedAt', 'endedAt', 'events', 'clientScore'] as const;
export const hashedEventFields = ['t', 'action', 'object', 'value', 'device'] as const;

/**
 * The idempotency key's content: "the same record" is the same hash. The schema is strict, so the
 * fields are known: serialising them in a fixed order is canonical whatever the key order sent, and
 * five times cheaper than sorting keys (canonicalJson) on every upload. `v2:` tells it from the
 * hashes stored before (see `legacyUploadHash`). The trainee is part of the record: the same log
 * sent under another trainee is a conflict.
 */
export function uploadHash(body: SessionBody, traineeId: string | null): string {
  const events = body.events.map((e) => [e.t, e.action, e.object, e.value ?? null, e.device]);
  const fields = [2, traineeId, body.id, body.scenarioId, body.scenarioVersion, body.scenarioHash, body.mode, body.device, body.language, body.startedAt, body.endedAt, events, body.clientScore];
  return `v2:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
}

/** The hash rows stored before `v2:` carry: sha-256 of the canonical JSON of the record. */
export function legacyUploadHash(body: SessionBody, traineeId: string | null): string {
  return createHash('sha256')
    .update(canonicalJson(traineeId === null ? body : { ...body, traineeId }))
    .digest('hex');
}

/** Whether a stored hash is this upload's, in whichever format it was stored. */
export function sameHash(stored: string, body: SessionBody, traineeId: string | null, hash: string): boolean {
  return stored.startsWith('v2:') ? stored === hash : stored === legacyUploadHash(body, traineeId);
}
