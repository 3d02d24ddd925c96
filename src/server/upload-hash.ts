import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine';
import { eventLogJson } from './event-log-check';
import type { SessionBody } from './session-body';

/** Every field of an upload, in the hash's fixed order (a test checks this against the schema). */
export const hashedSessionFields = ['id', 'scenarioId', 'scenarioVersion', 'scenarioHash', 'mode', 'device', 'language', 'startedAt', 'endedAt', 'events', 'clientScore', 'poses'] as const;
export { eventFields as hashedEventFields } from './event-log-check';

/**
 * The idempotency key's content: "the same record" is the same hash. The schema is strict, so the
 * fields are known: serialising them in a fixed order is canonical whatever the key order sent, and
 * five times cheaper than sorting keys (canonicalJson) on every upload. The log is hashed as the
 * JSON stored in `events_json` (fields in a fixed order too, see `eventLogJson`), so an upload
 * serialises its log once. `v3:` tells it from the hashes stored before (see `sameHash`). The
 * trainee is part of the record: the same log sent under another trainee is a conflict.
 */
export function uploadHash(body: SessionBody, traineeId: string | null, eventsJson: string = eventLogJson(body.events)): string {
  const fields = [3, traineeId, body.id, body.scenarioId, body.scenarioVersion, body.scenarioHash, body.mode, body.device, body.language, body.startedAt, body.endedAt, body.clientScore];
  // The fields' JSON ends unambiguously (a whole array) before the log's begins.
  const hash = createHash('sha256').update(JSON.stringify(fields)).update(eventsJson);
  // Only when sent, after the log's closing bracket: a record without poses keeps the hash it always had.
  if (body.poses) hash.update(JSON.stringify({ poses: [body.poses.layoutHash, body.poses.hz, body.poses.data] }));
  return `v3:${hash.digest('hex')}`;
}

/** The hash rows stored from `v2:` until the log was hashed as stored JSON. */
export function v2UploadHash(body: SessionBody, traineeId: string | null): string {
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
  if (stored.startsWith('v3:')) return stored === hash;
  if (stored.startsWith('v2:')) return stored === v2UploadHash(body, traineeId);
  return stored === legacyUploadHash(body, traineeId);
}
