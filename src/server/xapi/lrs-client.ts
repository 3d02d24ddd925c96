/** How the server reaches one organisation's LRS (the credentials already unsealed). */
export interface LrsTarget {
  endpoint: string;
  auth: { kind: 'basic'; username: string; password: string } | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl: string; scope: string | null };
}

/** What the LRS answered: its status and its body, cut short, for the dashboard. */
export interface LrsAnswer {
  status: number;
  body: string;
}

export type Fetch = typeof fetch;

const timeoutMs = 20_000;
const maxAnswer = 2000;

/** `…/xapi` and `…/xapi/` both name the same xAPI base; its resources hang under it. */
export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements`;
}

/**
 * The few xAPI 1.0.3 calls forwarding needs: POST a batch, PUT one statement, GET one back to
 * compare. Every request names the version (`X-Experience-API-Version`, which an LRS requires).
 * OAuth 2 client credentials (RFC 6749 §4.4): the token is asked for when needed and kept until a
 * minute before it expires or the LRS answers 401.
 */
export class LrsClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly target: LrsTarget,
    private readonly fetchImpl: Fetch = fetch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async authorization(): Promise<string> {
    const a = this.target.auth;
    if (a.kind === 'basic') return `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`;
    if (this.token && this.token.until > this.now().getTime()) return `Bearer ${this.token.value}`;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (a.scope) form.set('scope', a.scope);
    const res = await this.fetchImpl(a.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(a.clientId)}:${encodeURIComponent(a.clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new LrsAuthError({ status: res.status, body: `token endpoint: ${text.slice(0, maxAnswer)}` });
    const json = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new LrsAuthError({ status: res.status, body: 'token endpoint: no access_token in the answer' });
    const seconds = typeof json.expires_in === 'number' ? json.expires_in : 3600;
    this.token = { value: json.access_token, until: this.now().getTime() + Math.max(0, seconds - 60) * 1000 };
    return `Bearer ${this.token.value}`;
  }

  private async call(method: 'POST' | 'PUT' | 'GET', query: string, body?: unknown): Promise<LrsAnswer> {
    const res = await this.fetchImpl(statementsUrl(this.target.endpoint) + query, {
      method,
      headers: {
        authorization: await this.authorization(),
        'x-experience-api-version': '1.0.3',
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status === 401) this.token = null;
    return { status: res.status, body: method === 'GET' ? text : text.slice(0, maxAnswer) };
  }

  postStatements(statements: readonly unknown[]): Promise<LrsAnswer> {
    return this.call('POST', '', statements);
  }

  putStatement(id: string, statement: unknown): Promise<LrsAnswer> {
    return this.call('PUT', `?statementId=${encodeURIComponent(id)}`, statement);
  }

  getStatement(id: string): Promise<LrsAnswer> {
    return this.call('GET', `?statementId=${encodeURIComponent(id)}`);
  }
}

/** The token endpoint refused: told like an LRS answer, so the dashboard shows it the same way. */
export class LrsAuthError extends Error {
  constructor(readonly answer: LrsAnswer) {
    super(`${answer.status}: ${answer.body}`);
  }
}
