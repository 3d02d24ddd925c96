import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { SecretBox } from '../auth/secret-box';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { invalidBody } from './invalid-body';

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(500)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.hash;
      } catch {
        return false;
      }
    }, `must be the ${what} as an https:// (or http://) address, without a user name, password or #fragment`);

const connectionBody = z
  .strictObject({
    endpoint: httpUrl("LRS's xAPI endpoint (the address that ends before /statements)"),
    authKind: z.enum(['basic', 'oauth'], { message: 'must be "basic" (key and secret) or "oauth" (client credentials)' }),
    username: z.string().trim().min(1, 'must not be empty').max(200),
    /** Left out: keep the stored one (the dashboard never sees it again). */
    secret: z.string().min(1, 'must not be empty').max(500).optional(),
    tokenUrl: httpUrl('OAuth token endpoint').nullable().optional(),
    scope: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean(),
  })
  .superRefine((b, ctx) => {
    if (b.authKind === 'oauth' && !b.tokenUrl) ctx.addIssue({ code: 'custom', path: ['tokenUrl'], message: 'is needed for OAuth client credentials' });
  });

const resendBody = z.strictObject({
  statementIds: z.array(z.uuid({ message: 'must be a statement id from the list' })).min(1).max(500).optional(),
  /** Every statement in this state goes back to the queue. */
  status: z.enum(['failed', 'conflict']).optional(),
});

const adminOnly = { error: 'admin-only', message: 'only an organisation admin may see or change the LRS connection' };

/**
 * GET/PUT/DELETE /api/organisation/lrs and POST /api/organisation/lrs/resend: an organisation
 * admin's LRS connection (the secret is sealed and never shown again) and the forwarding queue:
 * what waits, what was sent, what failed with the LRS's answer; failed statements can be resent.
 */
export async function lrsSettingsRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; box: SecretBox; wake: () => void }) {
  const { db, now, box } = opts;
  const guard = trainerGuard(db, now);
  const admin = (request: FastifyRequest) => {
    const { trainer } = trainerOf(request);
    return trainer.role === 'admin' ? trainer.organisationId : null;
  };

  const view = async (org: string) => {
    const c = await db.selectFrom('lrs_connections').selectAll().where('organisation_id', '=', org).executeTakeFirst();
    const counts = await db.selectFrom('xapi_outbox').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).where('organisation_id', '=', org).groupBy('status').execute();
    const retrying = await db
      .selectFrom('xapi_outbox')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organisation_id', '=', org)
      .where('status', '=', 'waiting')
      .where('attempts', '>', 0)
      .executeTakeFirst();
    const problems = await db
      .selectFrom('xapi_outbox')
      .select(['statement_id', 'session_id', 'status', 'attempts', 'last_status', 'last_answer', 'updated_at', 'next_attempt_at', 'statement_json'])
      .where('organisation_id', '=', org)
      .where((eb) => eb.or([eb('status', 'in', ['failed', 'conflict']), eb.and([eb('status', '=', 'waiting'), eb('attempts', '>', 0)])]))
      .orderBy('updated_at', 'desc')
      .orderBy('statement_id')
      .limit(100)
      .execute();
    const lastSent = await db.selectFrom('xapi_outbox').select((eb) => eb.fn.max('sent_at').as('at')).where('organisation_id', '=', org).where('status', '=', 'sent').executeTakeFirst();
    const by = Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]));
    return {
      connection: c
        ? { endpoint: c.endpoint, authKind: c.auth_kind, username: c.username, tokenUrl: c.token_url, scope: c.scope, enabled: c.enabled === 1, secretStored: true, since: c.created_at, updatedAt: c.updated_at }
        : null,
      queue: { waiting: by.waiting ?? 0, retrying: Number(retrying?.n ?? 0), sent: by.sent ?? 0, failed: by.failed ?? 0, conflict: by.conflict ?? 0, lastSentAt: lastSent?.at ?? null },
      problems: problems.map((p) => {
        const st = JSON.parse(p.statement_json) as { verb?: { id?: string }; object?: { id?: string } };
        return {
          statementId: p.statement_id,
          sessionId: p.session_id,
          status: p.status,
          attempts: p.attempts,
          lrsStatus: p.last_status,
          lrsAnswer: p.last_answer,
          updatedAt: p.updated_at,
          nextAttemptAt: p.status === 'waiting' ? p.next_attempt_at : null,
          verb: st.verb?.id ?? '',
          object: st.object?.id ?? '',
        };
      }),
    };
  };

  app.get('/api/organisation/lrs', { preHandler: guard }, async (request, reply) => {
    const org = admin(request);
    if (!org) return reply.code(403).send(adminOnly);
    return view(org);
  });

  app.put('/api/organisation/lrs', { preHandler: guard }, async (request, reply) => {
    const org = admin(request);
    if (!org) return reply.code(403).send(adminOnly);
    const parsed = connectionBody.safeParse(request.body);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const b = parsed.data;
    const existing = await db.selectFrom('lrs_connections').select(['secret_sealed', 'created_at', 'queued_from']).where('organisation_id', '=', org).executeTakeFirst();
    if (!existing && b.secret === undefined) {
      return reply.code(400).send({ error: 'invalid-request', message: 'secret: is needed the first time', issues: [{ path: 'secret', message: 'is needed the first time' }] });
    }
    const at = now().toISOString();
    const row = {
      endpoint: b.endpoint.replace(/\/+$/, ''),
      auth_kind: b.authKind,
      username: b.username,
      secret_sealed: b.secret === undefined ? existing!.secret_sealed : box.seal(b.secret, org),
      token_url: b.authKind === 'oauth' ? (b.tokenUrl ?? null) : null,
      scope: b.authKind === 'oauth' ? (b.scope ?? null) : null,
      enabled: b.enabled ? 1 : 0,
      updated_at: at,
    };
    if (existing) await db.updateTable('lrs_connections').set(row).where('organisation_id', '=', org).execute();
    // Sessions stored from now on are forwarded; the export carries the earlier ones.
    else await db.insertInto('lrs_connections').values({ ...row, organisation_id: org, created_at: at, queued_from: at }).execute();
    // New credentials or address: what waits for a retry is tried at once.
    await db.updateTable('xapi_outbox').set({ next_attempt_at: at }).where('organisation_id', '=', org).where('status', '=', 'waiting').execute();
    opts.wake();
    return view(org);
  });

  app.delete('/api/organisation/lrs', { preHandler: guard }, async (request, reply) => {
    const org = admin(request);
    if (!org) return reply.code(403).send(adminOnly);
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('xapi_outbox').where('organisation_id', '=', org).where('status', '!=', 'sent').execute();
      await tx.deleteFrom('lrs_connections').where('organisation_id', '=', org).execute();
    });
    return view(org);
  });

  app.post('/api/organisation/lrs/resend', { preHandler: guard }, async (request, reply) => {
    const org = admin(request);
    if (!org) return reply.code(403).send(adminOnly);
    const parsed = resendBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { statementIds, status } = parsed.data;
    if (!statementIds && !status) {
      return reply.code(400).send({ error: 'invalid-request', message: 'statementIds or status: name what to resend', issues: [{ path: 'statementIds', message: 'name what to resend' }] });
    }
    const at = now().toISOString();
    let q = db
      .updateTable('xapi_outbox')
      .set({ status: 'waiting', attempts: 0, next_attempt_at: at, updated_at: at })
      .where('organisation_id', '=', org)
      .where('status', 'in', ['failed', 'conflict', 'waiting']);
    if (statementIds) q = q.where('statement_id', 'in', statementIds);
    if (status) q = q.where('status', '=', status);
    const result = await q.executeTakeFirst();
    opts.wake();
    return { resent: Number(result.numUpdatedRows), ...(await view(org)) };
  });
}
