import { parseRetryAfter } from './backoff';
import type { OutboxEntry, UploadAnswer } from './outbox-types';

/**
 * One POST of a queued session, under the trainee token it was made with. 2xx: acknowledged.
 * 4xx other than 408/429: refused for good (the same record would be refused again). Anything else
 * (no network, 5xx, 408, 429): try again later, honouring Retry-After.
 */
export async function uploadEntry(entry: OutboxEntry, fetchImpl: typeof fetch = fetch, now: () => number = Date.now): Promise<UploadAnswer> {
  let response: Response;
  try {
    response = await fetchImpl('/api/sessions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(entry.traineeToken ? { authorization: `Bearer ${entry.traineeToken}` } : {}),
        // An exam's result goes with the attempt the server issued when it started.
        ...(entry.examAttemptId ? { 'x-exam-attempt': entry.examAttemptId } : {}),
      },
      body: JSON.stringify(entry.record),
    });
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error), retryAfterMs: null };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { kind: 'saved', score: Number(body.score) };
  const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
  }
  return { kind: 'refused', status: response.status, reason, message: typeof body.message === 'string' ? body.message : JSON.stringify(body.issues ?? body) };
}
