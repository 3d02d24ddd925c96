import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { SecretBox } from '../auth/secret-box';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { StationTexts } from '../dashboard/station-texts';
import type { ScenarioCatalog } from '../scenario-catalog';
import { invalidBody } from '../routes/invalid-body';
import { checkCredential } from './credential-check';
import { europassExport } from './europass-export';
import { PassportIssuerJob } from './issuer-job';
import { keyFingerprint } from './issuer-keys';
import { readEscoExtract, readModuleAlignment, type ResolvedAlignment } from './module-alignment';
import { PassportService } from './passport-service';
import { pickLanguage, renderVerifyPage } from './verify-page';

export interface PassportApiOptions {
  db: Kysely<Database>;
  now: () => Date;
  serverSecret: Buffer;
  catalog: ScenarioCatalog;
  publicUrl: string | null;
  baseUrl: () => string;
  root?: string;
  /** Run the background issuer (on by default); tests drive it through `passportIssuer.runOnce()`. */
  startJob?: boolean;
  /** The issuer of this process's other listener (HTTP beside HTTPS): one issuer per process, woken by uploads on either. */
  sharedJob?: PassportIssuerJob;
}

declare module 'fastify' {
  interface FastifyInstance {
    passportIssuer: PassportIssuerJob;
    passport: PassportService;
  }
}

const idParams = z.object({ id: z.uuid('an id (UUID)') });
const revokeBody = z.object({ reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500, 'at most 500 characters') }).strict();
const serialParams = z.strictObject({ serial: z.coerce.number().int('must be a whole number').min(1, 'keys are numbered from 1') });
const nameBody = z.object({ name: z.string().trim().min(1).max(120).nullable(), consent: z.literal(true, 'the trainee must agree to their name on the passport (consent: true)') }).strict();
/** A credential is a few KiB; the form's limit leaves room and stops abuse. */
const maxCredentialChars = 64 * 1024;

/** Stations' alignments, validated at start: a broken alignment.json stops the server with its path. */
export function readAlignments(root: string, catalog: ScenarioCatalog): Map<string, ResolvedAlignment> {
  const extract = readEscoExtract(root);
  const out = new Map<string, ResolvedAlignment>();
  for (const { scenario } of catalog.current) {
    const alignment = readModuleAlignment(root, join(root, 'scenes', scenario.sector, scenario.station), extract);
    if (alignment) out.set(scenario.id, alignment);
  }
  return out;
}

/** The skills passport (docs/passport.md): trainer routes, public documents, the verification page, the issuer job. */
export async function passportApi(app: FastifyInstance, opts: PassportApiOptions) {
  const root = opts.root ?? process.cwd();
  const localesDir = join(root, 'locales');
  const texts = new StationTexts(localesDir, () => opts.catalog.current.map((e) => e.scenario));
  const alignments = readAlignments(root, opts.catalog);
  const service = new PassportService({ db: opts.db, box: new SecretBox(opts.serverSecret, 'passport-signing-key'), now: opts.now, catalog: opts.catalog, texts, alignments, publicUrl: opts.publicUrl, baseUrl: opts.baseUrl });
  const job = opts.sharedJob ?? new PassportIssuerJob(service, (error) => app.log.error({ err: error }, 'passport issuer run failed'));
  app.decorate('passport', service);
  app.decorate('passportIssuer', job);
  if (!opts.sharedJob && opts.startJob !== false) {
    job.start();
    app.addHook('onClose', () => job.stop());
  }
  // After the answer has gone: a stored exam wakes the issuer; the upload never waits for signing.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 201 && request.method === 'POST' && request.routeOptions.url === '/api/sessions' && request.headers['x-exam-attempt']) job.wake();
  });
  const guard = trainerGuard(opts.db, opts.now);
  const notFound = { error: 'not-found', message: 'no such trainee or credential in your organisation' };

  const ownTrainee = async (org: string, id: string) => opts.db.selectFrom('trainees').select(['id', 'code', 'alias']).where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();

  app.get('/api/trainees/:id/passport', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const trainer = trainerOf(request).trainer;
    const trainee = await ownTrainee(trainer.organisationId, params.data.id);
    if (!trainee) return reply.code(404).send(notFound);
    const rows = await opts.db.selectFrom('passport_credentials').selectAll().where('trainee_id', '=', trainee.id).orderBy('achieved_at', 'desc').execute();
    // The trainee's language (their last session's): the passport prints in Dutch and in it.
    const last = await opts.db.selectFrom('sessions').select('language').where('trainee_id', '=', trainee.id).orderBy('received_at', 'desc').limit(1).executeTakeFirst();
    const subject = await opts.db.selectFrom('passport_subjects').select(['name', 'consent_at']).where('trainee_id', '=', trainee.id).executeTakeFirst();
    const key = await service.currentKey(trainer.organisationId);
    const identity = service.identity(trainer.organisationId);
    const lng = typeof (request.query as { lng?: unknown }).lng === 'string' ? (request.query as { lng: string }).lng : 'nl';
    const credentials = rows.map((r) => {
      const doc = r.credential_json ? (JSON.parse(r.credential_json) as Record<string, unknown>) : null;
      const result = ((doc?.credentialSubject as Record<string, unknown> | undefined)?.result ?? []) as { resultDescription: string; value: string }[];
      const competencies: Record<string, number> = {};
      for (const res of result) {
        const name = res.resultDescription.split('#')[1];
        if (name && name !== 'score') competencies[name] = Number(res.value);
      }
      const alignment = alignments.get(r.module_id);
      return {
        id: r.id,
        moduleId: r.module_id,
        title: texts.title(lng, r.module_id),
        titleNl: texts.title('nl', r.module_id),
        titleOwn: last ? texts.title(last.language, r.module_id) : null,
        state: r.state,
        achievedAt: r.achieved_at,
        issuedAt: r.issued_at,
        validUntil: r.valid_until,
        expired: r.valid_until !== null && r.valid_until <= opts.now().toISOString(),
        revokedAt: r.revoked_at,
        revokedReason: r.revoked_reason,
        score: result.find((x) => x.resultDescription.endsWith('#score'))?.value ?? null,
        competencies,
        verifyUrl: r.state === 'issued' ? service.verifyUrl(r.id, `${request.protocol}://${request.host}`) : null,
        alignments: alignment ? [...alignment.occupations, ...alignment.skills].map((c) => ({ uri: c.uri, kind: c.kind, labels: c.labels })) : [],
      };
    });
    // Dutch workplace words of the modules mastered (the station's objects, as trainees learn them).
    const mastered = new Set(credentials.filter((c) => c.state === 'issued' && !c.revokedAt).map((c) => c.moduleId));
    const words = [...new Set(opts.catalog.current.filter((e) => mastered.has(e.scenario.id)).flatMap((e) => e.scenario.objects.map((o) => o.term)))].sort((a, b) => a.localeCompare(b, 'nl'));
    return {
      trainee: { id: trainee.id, code: trainee.code, alias: trainee.alias, language: last?.language ?? null },
      subjectName: subject?.name ?? null,
      issuer: { name: trainer.organisationName, did: identity.kind === 'did:web' ? identity.did : `did:key:${key.public_key_multibase}`, kind: identity.kind, fingerprint: keyFingerprint(key.public_key_multibase) },
      credentials,
      words,
    };
  });

  app.get('/api/passport/credentials/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const row = await opts.db.selectFrom('passport_credentials').select(['credential_json', 'module_id']).where('id', '=', params.data.id).where('organisation_id', '=', trainerOf(request).trainer.organisationId).executeTakeFirst();
    if (!row?.credential_json) return reply.code(404).send(notFound);
    return reply.header('content-disposition', `attachment; filename="${row.module_id}-${params.data.id}.json"`).type('application/json').send(row.credential_json);
  });

  app.post('/api/passport/credentials/:id/revoke', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = revokeBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const trainer = trainerOf(request).trainer;
    const outcome = await service.revoke(trainer.organisationId, params.data.id, body.data.reason, trainer.id);
    if (outcome === 'not-found') return reply.code(404).send(notFound);
    if (outcome === 'not-issued') return reply.code(409).send({ error: 'not-issued', message: 'this credential is not signed yet; there is nothing to revoke' });
    if (outcome === 'already') return reply.code(409).send({ error: 'already-revoked', message: 'this credential was revoked already' });
    request.log.info({ event: 'passport-credential-revoked', trainer: trainer.id, credential: params.data.id }, 'passport credential revoked');
    return { revoked: params.data.id };
  });

  app.put('/api/trainees/:id/passport-name', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = nameBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const trainer = trainerOf(request).trainer;
    if (!(await ownTrainee(trainer.organisationId, params.data.id))) return reply.code(404).send(notFound);
    await service.setSubjectName(trainer.organisationId, params.data.id, body.data.name, trainer.id);
    return { name: body.data.name };
  });

  app.post('/api/passport/keys/rotate', { preHandler: guard }, async (request, reply) => {
    const trainer = trainerOf(request).trainer;
    if (trainer.role !== 'admin') return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may rotate the signing key' });
    const key = await service.rotateKey(trainer.organisationId);
    request.log.info({ event: 'passport-key-rotated', trainer: trainer.id, serial: key.serial }, 'passport signing key rotated');
    return { serial: key.serial, fingerprint: keyFingerprint(key.public_key_multibase) };
  });

  // A leaked key: out of the did:web document, everything it signed revoked (docs/passport.md "Keys").
  app.post('/api/passport/keys/:serial/withdraw', { preHandler: guard }, async (request, reply) => {
    const params = serialParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const body = revokeBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    const trainer = trainerOf(request).trainer;
    if (trainer.role !== 'admin') return reply.code(403).send({ error: 'admin-only', message: 'only an organisation admin may withdraw a signing key' });
    const done = await service.withdrawKey(trainer.organisationId, params.data.serial, body.data.reason, trainer.id);
    if (done.outcome === 'not-found') return reply.code(404).send({ error: 'not-found', message: `your organisation has no signing key ${params.data.serial}` });
    if (done.outcome === 'already') return reply.code(409).send({ error: 'already-withdrawn', message: `signing key ${params.data.serial} was withdrawn already` });
    request.log.warn({ event: 'passport-key-withdrawn', trainer: trainer.id, serial: params.data.serial, revoked: done.revoked }, 'passport signing key withdrawn');
    return { withdrawn: params.data.serial, revoked: done.revoked, signing: done.signing };
  });

  app.get('/api/trainees/:id/passport/europass', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const trainer = trainerOf(request).trainer;
    const trainee = await ownTrainee(trainer.organisationId, params.data.id);
    if (!trainee) return reply.code(404).send(notFound);
    const rows = await opts.db.selectFrom('passport_credentials').selectAll().where('trainee_id', '=', trainee.id).where('state', '=', 'issued').where('revoked_at', 'is', null).orderBy('achieved_at').execute();
    const subject = await opts.db.selectFrom('passport_subjects').select('name').where('trainee_id', '=', trainee.id).executeTakeFirst();
    const organisation = await opts.db.selectFrom('organisations').select('country').where('id', '=', trainer.organisationId).executeTakeFirst();
    const doc = europassExport({
      organisation: { id: trainer.organisationId, name: trainer.organisationName, country: organisation?.country ?? null },
      subject: { pseudonym: trainee.code, name: subject?.name ?? null },
      now: opts.now(),
      achievements: rows.map((r) => {
        const alignment = alignments.get(r.module_id);
        const scenario = opts.catalog.current.find((e) => e.scenario.id === r.module_id)?.scenario;
        const cs = (JSON.parse(r.credential_json!) as { credentialSubject: { result: { resultDescription: string; value: string }[] } }).credentialSubject;
        const score = cs.result.find((x) => x.resultDescription.endsWith('#score'))?.value;
        return {
          credentialId: r.id,
          title: { nl: texts.title('nl', r.module_id), en: texts.title('en', r.module_id) },
          achievedAt: r.achieved_at,
          score: score === undefined ? null : Number(score),
          passScore: scenario?.passScore ?? 0,
          skills: alignment?.skills.map((s) => ({ uri: s.uri, en: s.labels.en, nl: s.labels.nl })) ?? [],
        };
      }),
    });
    return reply.header('content-disposition', `attachment; filename="europass-${trainee.code}.jsonld"`).type('application/ld+json').send(JSON.stringify(doc, null, 2));
  });

  // The dashboard's passport texts, as JSON: eight bundled chunks would weigh on its JavaScript budget.
  const passportTexts = new Map<string, string>();
  app.get('/api/passport/texts/:lng', async (request, reply) => {
    const lng = (request.params as { lng?: string }).lng ?? '';
    if (!/^[a-z]{2,3}$/.test(lng)) return reply.code(400).send({ error: 'invalid-request', message: 'lng: a language code (nl, ar, …)' });
    let text = passportTexts.get(lng);
    if (text === undefined) {
      const file = join(localesDir, lng, 'passport.json');
      if (!existsSync(file)) return reply.code(404).send({ error: 'not-found', message: `no passport texts in ${lng}` });
      text = readFileSync(file, 'utf8');
      passportTexts.set(lng, text);
    }
    return reply.type('application/json').send(text);
  });

  // Public: what a verifier reads. No login; nothing here names a trainee beyond the credential itself.
  app.get('/passport/status/:id', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const doc = await service.statusListDocument(params.data.id);
    if (!doc) return reply.code(404).send({ error: 'not-found', message: 'no such status list' });
    return reply.header('cache-control', 'public, max-age=60').type('application/vc+ld+json').send(JSON.stringify(doc));
  });

  app.get('/passport/:id/did.json', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const doc = await service.didDocument(params.data.id);
    if (!doc) return reply.code(404).send({ error: 'not-found', message: 'no did:web document here (PUBLIC_URL is not set, or the organisation has issued nothing)' });
    return reply.type('application/did+json').send(JSON.stringify(doc));
  });

  app.get('/passport/credentials/:id', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const row = await opts.db.selectFrom('passport_credentials').select('credential_json').where('id', '=', params.data.id).executeTakeFirst();
    if (!row?.credential_json) return reply.code(404).send({ error: 'not-found', message: 'no such credential' });
    return reply.type('application/vc+ld+json').send(row.credential_json);
  });

  // The verification page: a form post (urlencoded, parsed in this scope only) or a credential's public copy.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: maxCredentialChars * 3 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const page = (lng: ReturnType<typeof pickLanguage>, path: string, extra: Partial<Parameters<typeof renderVerifyPage>[0]> = {}) => renderVerifyPage({ lng, localesDir, path, ...extra });
    const lngOf = (request: { query: unknown; headers: Record<string, string | string[] | undefined> }) => pickLanguage((request.query as { lang?: unknown }).lang, request.headers['accept-language'] as string | undefined);

    scope.get('/verify', async (request, reply) => reply.type('text/html').send(page(lngOf(request), '/verify')));

    scope.post('/verify', async (request, reply) => {
      const lng = lngOf(request);
      const pasted = String((request.body as { credential?: unknown } | undefined)?.credential ?? '').trim();
      if (pasted.length > maxCredentialChars) return reply.code(413).type('text/html').send(page(lng, '/verify', { problem: 'tooLarge' }));
      let credential: unknown;
      try {
        credential = JSON.parse(pasted);
      } catch {
        return reply.code(400).type('text/html').send(page(lng, '/verify', { pasted, problem: 'notJson' }));
      }
      if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return reply.code(400).type('text/html').send(page(lng, '/verify', { pasted, problem: 'notJson' }));
      const check = await checkCredential(credential as Record<string, unknown>, service.loader(), opts.now());
      return reply.type('text/html').send(page(lng, '/verify', { pasted, check }));
    });

    scope.get('/verify/:id', async (request, reply) => {
      const lng = lngOf(request);
      const params = idParams.safeParse(request.params);
      const row = params.success ? await opts.db.selectFrom('passport_credentials').select('credential_json').where('id', '=', params.data.id).executeTakeFirst() : undefined;
      const path = `/verify/${params.success ? params.data.id : ''}`;
      if (!row?.credential_json) return reply.code(404).type('text/html').send(page(lng, path, { problem: 'notFound' }));
      // The public copy is checked like a pasted one: its own proof, its key, its status list.
      const check = await checkCredential(JSON.parse(row.credential_json) as Record<string, unknown>, service.loader(), opts.now());
      return reply.type('text/html').send(page(lng, path, { pasted: JSON.stringify(JSON.parse(row.credential_json), null, 2), check }));
    });
  });
}

