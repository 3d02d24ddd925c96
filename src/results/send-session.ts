import type { SessionRecord } from './session-record';

export type SendOutcome =
  | { kind: 'saved'; score: number; passed: boolean; scoreMismatch: boolean }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'offline'; reason: string };

/**
 * One upload attempt. Retrying is safe: the session id is the idempotency key.
 * (The offline outbox of issue 7 calls this; until then the result screen offers a retry.)
 */
export async function sendSession(record: SessionRecord, fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
  } catch (error) {
    return { kind: 'offline', reason: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) {
    return {
      kind: 'saved',
      score: Number(body.score),
      passed: Boolean(body.passed),
      scoreMismatch: Boolean(body.scoreMismatch),
    };
  }
  const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  if (response.status >= 500) return { kind: 'offline', reason };
  return { kind: 'refused', status: response.status, reason };
}
