/** The answer to "may this exam start?": the server issues an attempt, or says why not. */
export type ExamAttemptAnswer = { kind: 'issued'; attemptId: string; expiresAt: string } | { kind: 'offline' } | { kind: 'refused'; reason: string };

/**
 * Asks the server for an exam attempt before an exam starts (POST /api/exam-attempts): an exam
 * counts only under one, so it cannot start offline. Network failures and 5xx are `offline` (try
 * again when connected); a 4xx is `refused` (the trainer has to act).
 */
export async function requestExamAttempt(traineeToken: string | null, scenarioId: string, fetchImpl: typeof fetch = fetch): Promise<ExamAttemptAnswer> {
  if (!traineeToken) return { kind: 'refused', reason: 'trainee-token-invalid' };
  let response: Response;
  try {
    response = await fetchImpl('/api/exam-attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${traineeToken}` },
      body: JSON.stringify({ scenarioId }),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 500) return { kind: 'offline' };
  if (response.ok && typeof body.attemptId === 'string' && typeof body.expiresAt === 'string') return { kind: 'issued', attemptId: body.attemptId, expiresAt: body.expiresAt };
  return { kind: 'refused', reason: typeof body.error === 'string' ? body.error : `HTTP ${response.status}` };
}
