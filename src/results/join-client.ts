import type { TraineeIdentity } from './trainee-identity';

/** Why a join did not work; each has its own message on screen (locales/<lng>/join.json, `error.*`). */
export type JoinProblem = 'format' | 'unknown' | 'too-many' | 'offline' | 'server';

export type JoinAnswer = { kind: 'joined'; identity: TraineeIdentity } | { kind: 'problem'; problem: JoinProblem };

/** What a trainee may type: letters and digits, with spaces and dashes forgiven (as the server does). */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  return /^[A-Z0-9]{4,20}$/.test(code) ? code : null;
}

/** Trades the code on a trainee's card for a token (`POST /api/join`, docs/api.md). */
export async function joinWithCode(input: string, fetchImpl: typeof fetch = fetch): Promise<JoinAnswer> {
  const code = normaliseJoinCode(input);
  if (!code) return { kind: 'problem', problem: 'format' };
  let response: Response;
  try {
    response = await fetchImpl('/api/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  } catch {
    return { kind: 'problem', problem: 'offline' };
  }
  if (response.status === 404 || response.status === 400) return { kind: 'problem', problem: 'unknown' };
  if (response.status === 429) return { kind: 'problem', problem: 'too-many' };
  if (!response.ok) return { kind: 'problem', problem: 'server' };
  const body = (await response.json().catch(() => null)) as { token?: unknown; expiresAt?: unknown; trainee?: { code?: unknown } } | null;
  const token = body?.token;
  const traineeCode = body?.trainee?.code;
  const expiresAt = body?.expiresAt;
  if (typeof token !== 'string' || typeof traineeCode !== 'string' || typeof expiresAt !== 'string') return { kind: 'problem', problem: 'server' };
  return { kind: 'joined', identity: { token, code: traineeCode, expiresAt } };
}
