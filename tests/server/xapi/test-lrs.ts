import validateStatement from '@learninglocker/xapi-validation';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { canonicalJson } from '../../../src/engine';

export interface TestLrsOptions {
  /** Basic credentials, or an OAuth client (then a token endpoint answers at /oauth/token). */
  basic?: { username: string; password: string };
  oauth?: { clientId: string; clientSecret: string };
  /** What a POST of an id it holds with the same content answers: xAPI allows 204 or 409. */
  identical?: 'no-content' | 'conflict';
}

/** What an LRS keeps of a statement besides its content. */
const lrsFields = (stored: string) => ({ authority: { objectType: 'Agent', account: { homePage: 'https://lrs.test', name: 'werkvloer' } }, stored, version: '1.0.3' });

function withoutLrsFields(s: Record<string, unknown>): string {
  const { authority: _a, stored: _s, version: _v, ...rest } = s;
  return canonicalJson(rest);
}

/**
 * A statements resource that applies the xAPI 1.0.3 rules an LRS applies to what werkvloer sends:
 * the version header, credentials, every statement validated by the xAPI validator, a batch refused
 * whole for one bad statement or two of the same id, a known id with other content refused with
 * 409, the same content accepted (or 409, as some LRSs do), GET by id. It can be taken down (503)
 * or stopped altogether (no answer), and it counts what it stored by id.
 */
export class TestLrs {
  readonly stored = new Map<string, Record<string, unknown>>();
  /** How often each id was stored or offered again (a resend of a stored id counts here too). */
  readonly offered = new Map<string, number>();
  readonly refusals: { status: number; reason: string }[] = [];
  down = false;
  tokensIssued = 0;
  private app: FastifyInstance | null = null;
  private readonly tokens = new Set<string>();
  url = '';

  constructor(private readonly opts: TestLrsOptions = {}) {}

  private refuse(status: number, reason: string) {
    this.refusals.push({ status, reason });
    return { status, body: { error: true, message: reason } };
  }

  private authorised(header: string | undefined): boolean {
    if (this.opts.basic) return header === `Basic ${Buffer.from(`${this.opts.basic.username}:${this.opts.basic.password}`).toString('base64')}`;
    if (this.opts.oauth) return !!header?.startsWith('Bearer ') && this.tokens.has(header.slice(7));
    return true;
  }

  /** Keep (or refuse) a list of statements, all or nothing, as an LRS does. */
  private store(statements: Record<string, unknown>[]): { status: number; body: unknown } {
    const ids = new Set<string>();
    for (const s of statements) {
      const problems = validateStatement(s);
      if (problems.length > 0) return this.refuse(400, `statement ${String(s.id)} is invalid: ${JSON.stringify(problems).slice(0, 300)}`);
      if (typeof s.id !== 'string') return this.refuse(400, 'statement without id');
      if (ids.has(s.id)) return this.refuse(400, `id ${s.id} twice in one batch`);
      ids.add(s.id);
      const known = this.stored.get(s.id);
      if (known && withoutLrsFields(known) !== canonicalJson(s)) return this.refuse(409, `statement ${s.id} already exists with other content`);
      if (known && this.opts.identical === 'conflict') return this.refuse(409, `statement ${s.id} already exists`);
    }
    const at = new Date().toISOString();
    for (const s of statements) {
      const id = s.id as string;
      this.offered.set(id, (this.offered.get(id) ?? 0) + 1);
      if (!this.stored.has(id)) this.stored.set(id, { ...s, ...lrsFields(at) });
    }
    return { status: 200, body: statements.map((s) => s.id) };
  }

  /** Plants a statement as if another system had stored it first. */
  plant(statement: Record<string, unknown>) {
    this.stored.set(statement.id as string, { ...statement, ...lrsFields(new Date().toISOString()) });
  }

  async start(port = 0): Promise<this> {
    const app = Fastify();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    app.addHook('onRequest', async (request, reply) => {
      if (this.down) return reply.code(503).send({ error: true, message: 'LRS is down for maintenance' });
      if (request.url.startsWith('/oauth/')) return;
      if (request.headers['x-experience-api-version'] !== '1.0.3') return reply.code(400).send(this.refuse(400, 'X-Experience-API-Version header missing or not 1.0.3').body);
      if (!this.authorised(request.headers.authorization)) return reply.code(401).send(this.refuse(401, 'not authorised').body);
      reply.header('x-experience-api-version', '1.0.3');
    });
    app.post('/oauth/token', async (request, reply) => {
      const o = this.opts.oauth;
      const body = request.body as Record<string, string>;
      const expected = o ? `Basic ${Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString('base64')}` : '';
      if (!o || request.headers.authorization !== expected || body.grant_type !== 'client_credentials') return reply.code(401).send({ error: 'invalid_client' });
      const token = `t${++this.tokensIssued}`;
      this.tokens.add(token);
      return { access_token: token, token_type: 'Bearer', expires_in: 3600 };
    });
    app.post('/xapi/statements', async (request, reply) => {
      const body = request.body;
      const list = Array.isArray(body) ? body : [body];
      const r = this.store(list as Record<string, unknown>[]);
      return reply.code(r.status).send(r.body);
    });
    app.put('/xapi/statements', async (request, reply) => {
      const id = (request.query as { statementId?: string }).statementId;
      const s = request.body as Record<string, unknown>;
      if (!id || s.id !== id) return reply.code(400).send(this.refuse(400, 'statementId must match the statement id').body);
      const r = this.store([s]);
      return reply.code(r.status === 200 ? 204 : r.status).send(r.status === 200 ? undefined : r.body);
    });
    app.get('/xapi/statements', async (request, reply) => {
      const id = (request.query as { statementId?: string }).statementId;
      const s = id ? this.stored.get(id) : undefined;
      if (!s) return reply.code(404).send({ error: true, message: 'no such statement' });
      return s;
    });
    await app.listen({ host: '127.0.0.1', port });
    this.app = app;
    this.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }
}
