import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { bearerToken, noteTokenUse, traineeForToken } from '../auth/trainee-tokens';
import { invalidBody } from './invalid-body';
import { convertRecording, VoiceConvertError } from '../voices/voice-convert';
import { textHash, type VoiceLines } from '../voices/voice-lines';

/** What MediaRecorder gives in Chromium (WebM), Firefox (Ogg), Safari (MP4), and plain WAV files. */
const audioTypes = ['audio/webm', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mp4', 'audio/mpeg'];
/** About four minutes of browser Opus: far above any line, far below what would strain the server. */
export const maxUploadBytes = 2 * 1024 * 1024;

const lineKey = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[a-z0-9-]+:[A-Za-z0-9_.-]+$/, 'must be a spoken line as namespace:key, e.g. feedback:step-done');
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as ti');
const linesQuery = z.strictObject({
  language,
  station: z.string().max(100).optional(),
  missing: z.enum(['1', 'true']).optional(),
});
const uploadQuery = z.strictObject({ language, key: lineKey });
const idParams = z.strictObject({ id: z.uuid({ message: 'must be a recording id from this API' }) });
const trainerParams = z.strictObject({ trainerId: z.uuid({ message: 'must be a trainer id' }) });
const languageParams = z.strictObject({ language });
const fileParams = z.strictObject({ file: z.string().regex(/^[0-9a-f-]{36}\.ogg$/, 'must be <recording id>.ogg') });
const consentBody = z.strictObject({
  agree: z.literal(true, { message: 'must be true: the speaker agrees that their voice is used for training' }),
  statement: z.string().trim().min(10, 'must be the statement shown to the speaker').max(2000, 'must be at most 2000 characters'),
  language,
});
const permissionBody = z.strictObject({ allowed: z.boolean() });
const sharingBody = z.strictObject({ shared: z.boolean() });

type Recording = Database['voice_recordings'];
const summary = (r: Omit<Recording, 'audio'>, currentSha: string | undefined) => ({
  id: r.id,
  language: r.language,
  key: r.line_key,
  state: r.state,
  /** The text changed since it was spoken (or is gone): never played, shown as to re-record. */
  stale: currentSha !== r.text_sha256,
  speaker: { id: r.speaker_id, email: r.speaker_email },
  durationMs: r.duration_ms,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  /** Immutable: a new take is a new id. */
  file: `/voices/${r.id}.ogg`,
});

const columns = ['id', 'organisation_id', 'language', 'line_key', 'text', 'text_sha256', 'speaker_id', 'speaker_email', 'state', 'audio_sha256', 'duration_ms', 'created_at', 'published_at'] as const;

/**
 * Centre-recorded voices (issue 30; docs/api.md "Voices"): the recording page's lines, uploads that
 * the server converts to the generated audio's format, publish, removal, consent, permission,
 * sharing, the organisation's export, and what a trainee's headset plays.
 */
export async function voiceRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; lines: VoiceLines }) {
  const { db, now, lines } = opts;
  const guard = trainerGuard(db, now);

  const mayRecord = async (request: FastifyRequest) => {
    const me = trainerOf(request).trainer;
    if (me.role === 'admin') return true;
    return Boolean(await db.selectFrom('voice_permissions').select('trainer_id').where('trainer_id', '=', me.id).where('organisation_id', '=', me.organisationId).executeTakeFirst());
  };
  const refuseRecorder = async (request: FastifyRequest, reply: FastifyReply) => {
    if (await mayRecord(request)) return null;
    return reply.code(403).send({ error: 'voice-permission-required', message: 'recording voices needs the "voice" permission; an admin of your organisation can give it' });
  };
  const refuseNonAdmin = (request: FastifyRequest, reply: FastifyReply, what: string) => {
    if (trainerOf(request).trainer.role === 'admin') return null;
    return reply.code(403).send({ error: 'admin-only', message: `only an organisation admin may ${what}` });
  };
  const consentOf = (trainerId: string) =>
    db.selectFrom('voice_consents').select(['id', 'agreed_at', 'statement', 'language']).where('trainer_id', '=', trainerId).where('withdrawn_at', 'is', null).orderBy('agreed_at', 'desc').executeTakeFirst();
  const ownRecording = (request: FastifyRequest, id: string) =>
    db.selectFrom('voice_recordings').select(columns).where('id', '=', id).where('organisation_id', '=', trainerOf(request).trainer.organisationId).executeTakeFirst();

  // Recordings arrive as the browser made them: raw bytes, typed by their Content-Type.
  app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: maxUploadBytes }, (_request, body, done) => done(null, body));

  app.get('/api/voices/me', { preHandler: guard }, async (request) => {
    const me = trainerOf(request).trainer;
    const consent = await consentOf(me.id);
    const sharing = await db.selectFrom('voice_sharing').select('shared').where('organisation_id', '=', me.organisationId).executeTakeFirst();
    return { canRecord: await mayRecord(request), admin: me.role === 'admin', consentedAt: consent?.agreed_at ?? null, shared: sharing?.shared === 1, languages: lines.languages() };
  });

  app.get('/api/voices/lines', { preHandler: guard }, async (request, reply) => {
    const q = linesQuery.safeParse(request.query);
    if (!q.success) return invalidBody(reply, q.error);
    if (!lines.languages().includes(q.data.language)) return reply.code(404).send({ error: 'unknown-language', message: `${q.data.language} is not a language of this app` });
    const org = trainerOf(request).trainer.organisationId;
    const recs = await db.selectFrom('voice_recordings').select(columns).where('organisation_id', '=', org).where('language', '=', q.data.language).orderBy('created_at').execute();
    const byKey = new Map<string, { published?: (typeof recs)[number]; draft?: (typeof recs)[number] }>();
    for (const r of recs) {
      const slot = byKey.get(r.line_key) ?? {};
      if (r.state === 'published') slot.published = r;
      else slot.draft = r;
      byKey.set(r.line_key, slot);
    }
    const all = lines.lines(q.data.language).map((l) => {
      const slot = byKey.get(l.key);
      const recording = slot?.published ? summary(slot.published, l.textSha256) : null;
      const draft = slot?.draft ? summary(slot.draft, l.textSha256) : null;
      const heard = (recording !== null && !recording.stale) || l.synthetic;
      return { ...l, recording, draft, status: recording && !recording.stale ? 'recorded' : recording ? 'stale' : l.synthetic ? 'synthetic' : 'missing', heard };
    });
    const stations = [...new Set(all.map((l) => l.station).filter((s): s is string => s !== null))].sort();
    const shown = all.filter((l) => (!q.data.station || (q.data.station === 'app' ? l.station === null : l.station === q.data.station)) && (!q.data.missing || l.status === 'missing' || l.status === 'stale'));
    return { language: q.data.language, stations, total: all.length, lines: shown };
  });

  app.post('/api/voices/consent', { preHandler: guard }, async (request, reply) => {
    const body = consentBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    if (await refuseRecorder(request, reply)) return reply;
    const me = trainerOf(request).trainer;
    const row = { id: randomUUID(), organisation_id: me.organisationId, trainer_id: me.id, email: me.email, statement: body.data.statement, language: body.data.language, agreed_at: now().toISOString(), withdrawn_at: null };
    await db.insertInto('voice_consents').values(row).execute();
    return reply.code(201).send({ id: row.id, agreedAt: row.agreed_at });
  });

  app.post('/api/voices/recordings', { preHandler: guard, bodyLimit: maxUploadBytes }, async (request, reply) => {
    const q = uploadQuery.safeParse(request.query);
    if (!q.success) return invalidBody(reply, q.error);
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!audioTypes.includes(type)) return reply.code(415).send({ error: 'unsupported-audio-type', message: `Content-Type ${type || '(none)'} is not a recording; send one of ${audioTypes.join(', ')}` });
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) return reply.code(400).send({ error: 'empty-recording', message: 'the request body holds no audio' });
    if (await refuseRecorder(request, reply)) return reply;
    const me = trainerOf(request).trainer;
    if (!(await consentOf(me.id))) return reply.code(403).send({ error: 'consent-required', message: 'agree on the recording page that your voice is used for training before you record' });
    if (!lines.keys().includes(q.data.key)) return reply.code(404).send({ error: 'unknown-line', message: `${q.data.key} is not a spoken line of this app` });
    const text = lines.text(q.data.language, q.data.key);
    if (text === undefined) return reply.code(409).send({ error: 'no-text', message: `${q.data.key} has no text in ${q.data.language} to speak; translate it first` });
    let converted;
    try {
      converted = await convertRecording(request.body);
    } catch (error) {
      if (!(error instanceof VoiceConvertError)) throw error;
      return reply.code(error.code === 'converter-missing' ? 503 : 422).send({ error: error.code, message: error.message });
    }
    const row: Recording = {
      id: randomUUID(),
      organisation_id: me.organisationId,
      language: q.data.language,
      line_key: q.data.key,
      text,
      text_sha256: textHash(text),
      speaker_id: me.id,
      speaker_email: me.email,
      state: 'draft',
      audio: converted.ogg,
      audio_sha256: createHash('sha256').update(converted.ogg).digest('hex'),
      duration_ms: converted.durationMs,
      created_at: now().toISOString(),
      published_at: null,
    };
    // One take waits to be heard back per line: a re-record replaces it.
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('voice_recordings').where('organisation_id', '=', me.organisationId).where('language', '=', row.language).where('line_key', '=', row.line_key).where('state', '=', 'draft').execute();
      await tx.insertInto('voice_recordings').values(row).execute();
    });
    return reply.code(201).send({ ...summary(row, row.text_sha256), bytes: converted.ogg.length });
  });

  app.get('/api/voices/recordings/:id/audio', { preHandler: guard }, async (request, reply) => {
    const p = idParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const row = await db.selectFrom('voice_recordings').select('audio').where('id', '=', p.data.id).where('organisation_id', '=', trainerOf(request).trainer.organisationId).executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'not-found', message: 'no such recording in your organisation' });
    return reply.type('audio/ogg').send(Buffer.from(row.audio));
  });

  app.post('/api/voices/recordings/:id/publish', { preHandler: guard }, async (request, reply) => {
    const p = idParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    if (await refuseRecorder(request, reply)) return reply;
    const row = await ownRecording(request, p.data.id);
    if (!row) return reply.code(404).send({ error: 'not-found', message: 'no such recording in your organisation' });
    if (lines.text(row.language, row.line_key) !== row.text) return reply.code(409).send({ error: 'recording-stale', message: 'the text of this line changed after it was recorded; record it again' });
    const at = now().toISOString();
    await db.transaction().execute(async (tx) => {
      // One published recording per line: the new one replaces the old everywhere.
      await tx.deleteFrom('voice_recordings').where('organisation_id', '=', row.organisation_id).where('language', '=', row.language).where('line_key', '=', row.line_key).where('state', '=', 'published').execute();
      await tx.updateTable('voice_recordings').set({ state: 'published', published_at: at }).where('id', '=', row.id).execute();
    });
    return summary({ ...row, state: 'published', published_at: at }, row.text_sha256);
  });

  app.delete('/api/voices/recordings/:id', { preHandler: guard }, async (request, reply) => {
    const p = idParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const row = await ownRecording(request, p.data.id);
    if (!row) return reply.code(404).send({ error: 'not-found', message: 'no such recording in your organisation' });
    const me = trainerOf(request).trainer;
    if (row.speaker_id !== me.id && (await refuseRecorder(request, reply))) return reply;
    await db.deleteFrom('voice_recordings').where('id', '=', row.id).execute();
    return reply.code(204).send();
  });

  // A speaker's voice, all of it, goes on request: every recording, and the agreement is marked withdrawn.
  app.delete('/api/voices/speakers/:trainerId', { preHandler: guard }, async (request, reply) => {
    const p = trainerParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const me = trainerOf(request).trainer;
    if (p.data.trainerId !== me.id && refuseNonAdmin(request, reply, "remove another speaker's recordings")) return reply;
    const speaker = await db.selectFrom('trainers').select('id').where('id', '=', p.data.trainerId).where('organisation_id', '=', me.organisationId).executeTakeFirst();
    if (!speaker) return reply.code(404).send({ error: 'not-found', message: 'no such trainer in your organisation' });
    const at = now().toISOString();
    const removed = await db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('voice_recordings').where('organisation_id', '=', me.organisationId).where('speaker_id', '=', p.data.trainerId).executeTakeFirst();
      await tx.updateTable('voice_consents').set({ withdrawn_at: at }).where('organisation_id', '=', me.organisationId).where('trainer_id', '=', p.data.trainerId).where('withdrawn_at', 'is', null).execute();
      return Number(r.numDeletedRows);
    });
    return { removed: { recordings: removed, consentWithdrawnAt: at } };
  });

  app.get('/api/voices/permissions', { preHandler: guard }, async (request, reply) => {
    if (refuseNonAdmin(request, reply, 'see who may record voices')) return reply;
    const org = trainerOf(request).trainer.organisationId;
    const rows = await db
      .selectFrom('trainers as t')
      .leftJoin('voice_permissions as p', 'p.trainer_id', 't.id')
      .select(['t.id', 't.email', 't.role', 'p.granted_at'])
      .where('t.organisation_id', '=', org)
      .orderBy('t.email')
      .execute();
    return { trainers: rows.map((r) => ({ id: r.id, email: r.email, role: r.role, allowed: r.role === 'admin' || r.granted_at !== null })) };
  });

  app.put('/api/voices/permissions/:trainerId', { preHandler: guard }, async (request, reply) => {
    const p = trainerParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const body = permissionBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    if (refuseNonAdmin(request, reply, 'give the "voice" permission')) return reply;
    const me = trainerOf(request).trainer;
    const target = await db.selectFrom('trainers').select('id').where('id', '=', p.data.trainerId).where('organisation_id', '=', me.organisationId).executeTakeFirst();
    if (!target) return reply.code(404).send({ error: 'not-found', message: 'no such trainer in your organisation' });
    await db.deleteFrom('voice_permissions').where('trainer_id', '=', target.id).execute();
    if (body.data.allowed) await db.insertInto('voice_permissions').values({ trainer_id: target.id, organisation_id: me.organisationId, granted_by: me.email, granted_at: now().toISOString() }).execute();
    return { id: target.id, allowed: body.data.allowed };
  });

  app.put('/api/voices/sharing', { preHandler: guard }, async (request, reply) => {
    const body = sharingBody.safeParse(request.body);
    if (!body.success) return invalidBody(reply, body.error);
    if (refuseNonAdmin(request, reply, "share the organisation's recordings")) return reply;
    const me = trainerOf(request).trainer;
    await db.deleteFrom('voice_sharing').where('organisation_id', '=', me.organisationId).execute();
    await db.insertInto('voice_sharing').values({ organisation_id: me.organisationId, shared: body.data.shared ? 1 : 0, changed_by: me.email, changed_at: now().toISOString() }).execute();
    return { shared: body.data.shared };
  });

  // The organisation's voices as one file: every recording (its audio inline) and every agreement.
  app.get('/api/voices/export', { preHandler: guard }, async (request, reply) => {
    if (refuseNonAdmin(request, reply, "export the organisation's recordings")) return reply;
    const me = trainerOf(request).trainer;
    const [recs, consents] = await Promise.all([
      db.selectFrom('voice_recordings').selectAll().where('organisation_id', '=', me.organisationId).orderBy('language').orderBy('line_key').orderBy('created_at').execute(),
      db.selectFrom('voice_consents').selectAll().where('organisation_id', '=', me.organisationId).orderBy('agreed_at').execute(),
    ]);
    reply.header('content-disposition', 'attachment; filename="werkvloer-voices.json"');
    return {
      exportedAt: now().toISOString(),
      organisation: { id: me.organisationId, name: me.organisationName },
      consents: consents.map((c) => ({ id: c.id, trainerId: c.trainer_id, email: c.email, statement: c.statement, language: c.language, agreedAt: c.agreed_at, withdrawnAt: c.withdrawn_at })),
      recordings: recs.map((r) => ({ ...summary(r, lines.text(r.language, r.line_key) === undefined ? undefined : textHash(lines.text(r.language, r.line_key)!)), text: r.text, textSha256: r.text_sha256, audioSha256: r.audio_sha256, format: 'audio/ogg; codecs=opus', audioBase64: Buffer.from(r.audio).toString('base64') })),
    };
  });

  /**
   * What a headset plays in a language: its organisation's published recordings whose text is
   * current, then those of organisations that share theirs, for lines it has none of. The files
   * are named by random ids (the list needs the trainee's token; a file alone says nothing of whose).
   */
  app.get('/api/trainee/voices/:language', async (request, reply) => {
    const p = languageParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const token = bearerToken(request.headers.authorization);
    const trainee = token ? await traineeForToken(db, token) : null;
    if (!trainee || Date.parse(trainee.expiresAt) < now().getTime()) {
      return reply.code(401).send({ error: 'trainee-token-invalid', message: 'send "Authorization: Bearer <trainee token>" of a joined, unexpired trainee' });
    }
    await noteTokenUse(db, trainee, now());
    const rows = await db
      .selectFrom('voice_recordings as r')
      .leftJoin('voice_sharing as s', 's.organisation_id', 'r.organisation_id')
      .select(['r.id', 'r.organisation_id', 'r.line_key', 'r.text', 'r.text_sha256', 'r.published_at'])
      .where('r.language', '=', p.data.language)
      .where('r.state', '=', 'published')
      .where((eb) => eb.or([eb('r.organisation_id', '=', trainee.organisationId), eb('s.shared', '=', 1)]))
      .orderBy('r.published_at', 'desc')
      .execute();
    const files: Record<string, { file: string; sha256: string; voice: string }> = {};
    const own = rows.filter((r) => r.organisation_id === trainee.organisationId);
    for (const r of [...own, ...rows.filter((x) => x.organisation_id !== trainee.organisationId)]) {
      if (files[r.line_key] || lines.text(p.data.language, r.line_key) !== r.text) continue;
      files[r.line_key] = { file: `/voices/${r.id}.ogg`, sha256: r.text_sha256, voice: 'recorded' };
    }
    return { language: p.data.language, files };
  });

  app.get('/voices/:file', async (request, reply) => {
    const p = fileParams.safeParse(request.params);
    if (!p.success) return invalidBody(reply, p.error);
    const row = await db.selectFrom('voice_recordings').select(['audio', 'state']).where('id', '=', p.data.file.slice(0, 36)).executeTakeFirst();
    if (!row || row.state !== 'published') return reply.code(404).send({ error: 'not-found', message: 'no such published recording' });
    // A take never changes under its id (a re-record is a new id): cached for good, offline too.
    return reply.type('audio/ogg').header('cache-control', 'public, max-age=31536000, immutable').send(Buffer.from(row.audio));
  });
}
