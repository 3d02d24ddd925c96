import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5) in the session's own id as namespace: the statements of
 * one attempt get the same ids in every export and every forwarding, so an LRS can tell a resend
 * (same id, same content) from a second attempt.
 */
export function statementId(sessionId: string, name: string): string {
  const namespace = Buffer.from(sessionId.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
