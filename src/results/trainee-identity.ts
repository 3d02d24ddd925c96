/**
 * Who is signed in on this device: the trainee token from `POST /api/join` and the trainee's
 * pseudonymous code, kept in localStorage (shared headsets: "next trainee" clears it). Queued
 * results do not read this: each keeps the token it was made under (src/results/outbox-types.ts).
 */
export interface TraineeIdentity {
  token: string;
  /** The trainee's pseudonym, e.g. `K7MX-4Q`; never a name. */
  code: string;
  expiresAt: string;
}

export const traineeKey = 'werkvloer.trainee';

function isIdentity(v: unknown): v is TraineeIdentity {
  const o = v as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && typeof o.token === 'string' && o.token.length > 0 && typeof o.code === 'string' && typeof o.expiresAt === 'string';
}

/** The signed-in trainee, or null (none, unreadable, or the token has expired). */
export function readTrainee(now = Date.now()): TraineeIdentity | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(traineeKey) ?? 'null');
    if (!isIdentity(parsed) || !(Date.parse(parsed.expiresAt) > now)) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function saveTrainee(identity: TraineeIdentity): void {
  localStorage.setItem(traineeKey, JSON.stringify({ token: identity.token, code: identity.code, expiresAt: identity.expiresAt }));
}

export function forgetTrainee(): void {
  localStorage.removeItem(traineeKey);
}

/** The join code a QR card carries in the address (`?join=K7MX4QPA`), or null. */
export function joinCodeFromUrl(search: string): string | null {
  const code = new URLSearchParams(search).get('join')?.trim();
  return code ? code : null;
}
