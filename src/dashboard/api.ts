import { rememberSignedIn } from './signed-in-hint';

/** The dashboard's calls to the API (docs/api.md): JSON, the session cookie, and the CSRF header on changes. */
let csrfToken = '';

export function setCsrfToken(token: string) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Per-field problems of a 400 (`code` where the server names one, e.g. `password-too-weak`). */
    readonly issues: { path: string; message: string; code?: string }[] = [],
    /** The whole error answer, for the few that carry more (the login's `choose-organisation` list). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  // A Blob (a voice recording) goes as its bytes, typed by itself.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}) });
  // Signed out (the session ended): the next visit shows the login without asking the server first.
  if (res.status === 401) rememberSignedIn(false);
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string; issues?: ApiError['issues'] };
  if (!res.ok) throw new ApiError(res.status, data.error ?? 'error', data.message ?? res.statusText, data.issues ?? [], data);
  return data as T;
}

/** A query string from the filled-in fields only. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
