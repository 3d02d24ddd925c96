import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { backupSqlite } from '../../../src/server/backup';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { SessionEvent } from '../../../src/engine';
import { documentLoader } from '../../../src/server/passport/document-loader';
import { checkCredential } from '../../../src/server/passport/credential-check';
import { databaseKinds } from '../support/databases';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { sessionBody, testApp } from '../test-app';

const playedEvents: SessionEvent[] = [
  { t: 1523, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3871, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6042, action: 'press', object: 'stop-button', device: 'desktop' },
];

type Passport = {
  issuer: { did: string; kind: string; fingerprint: string; name: string };
  credentials: { id: string; state: string; score: string; verifyUrl: string; revokedAt: string | null; revokedReason: string | null; alignments: { uri: string }[]; competencies: Record<string, number> }[];
  words: string[];
  subjectName: string | null;
};

/** Issue 29: a passed exam becomes a signed credential in the background; a trainer revokes it; the public page checks it. */
describe.each(databaseKinds)('skills passport API on %s', (kind) => {
  let clock = Date.parse('2026-11-26T09:00:00.000Z');
  const serverSecret = randomBytes(32);
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let sam: Awaited<ReturnType<typeof joinedTrainee>>;
  const scenarioId = sessionBody().scenarioId;

  const fresh = () => login(t.app, trainer.organisationId, trainer.email, trainer.password);
  const passExam = async (who: { token: string }) => {
    const attempt = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${who.token}` }, payload: { scenarioId } });
    expect(attempt.statusCode, attempt.body).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { authorization: `Bearer ${who.token}`, 'x-exam-attempt': attempt.json().attemptId },
      payload: sessionBody({ id: crypto.randomUUID(), mode: 'exam', startedAt: new Date(clock + 1000).toISOString(), endedAt: new Date(clock + 8000).toISOString(), events: playedEvents }),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const passportOf = async (traineeId: string) => {
    const res = await (await fresh()).call('GET', `/api/trainees/${traineeId}/passport`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Passport;
  };
  const statusLoader = () =>
    documentLoader({
      other: async (url) => {
        const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
        return res.statusCode === 200 ? (res.json() as Record<string, unknown>) : null;
      },
    });

  beforeAll(async () => {
    t = await testApp({ kind, now: () => new Date(clock), serverSecret, app: { passportJob: false } });
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    sam = await joinedTrainee(t.app, trainer, 'Sam');
    expect((await trainer.call('PUT', `/api/trainees/${sam.traineeId}/exam`, { exam: true })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  test('a passed exam is signed by the background issuer, not on the upload; the credential verifies from its JSON alone', async () => {
    await passExam(sam);
    // The upload answered without signing anything: nothing is queued or signed until the issuer runs.
    expect(await t.db.selectFrom('passport_credentials').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('passport_keys').select('id').execute()).toEqual([]);
    const run = await t.app.passportIssuer.runOnce();
    expect(run).toEqual({ queued: 1, issued: 1, failed: 0 });
    // A second run finds nothing new: one credential per passed exam.
    expect(await t.app.passportIssuer.runOnce()).toEqual({ queued: 0, issued: 0, failed: 0 });

    const passport = await passportOf(sam.traineeId);
    expect(passport.issuer.kind).toBe('did:key');
    expect(passport.credentials).toHaveLength(1);
    const [c] = passport.credentials;
    expect(c!.state).toBe('issued');
    expect(c!.alignments.map((a) => a.uri)).toContain('http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176');
    expect(passport.words).toContain('veiligheidsbril');
    expect(c!.verifyUrl).toMatch(new RegExp(`/verify/${c!.id}$`));

    const download = await (await fresh()).call('GET', `/api/passport/credentials/${c!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const credential = download.json() as Record<string, unknown>;
    expect(JSON.stringify(credential)).toContain(sam.code);
    expect((credential.issuer as { id: string }).id).toBe(passport.issuer.did);
    const check = await checkCredential(credential, statusLoader(), new Date(clock));
    expect(check.verdict).toBe('valid');
    // The signing key is stored sealed: its secret half appears nowhere in the row.
    const key = await t.db.selectFrom('passport_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.secret_sealed.startsWith('v1.')).toBe(true);
    expect(passport.issuer.did).toBe(`did:key:${key.public_key_multibase}`);
  });

  test('the public verification page checks a pasted credential and its public copy, in nl, fr and en', async () => {
    const [c] = (await passportOf(sam.traineeId)).credentials;
    const json = (await t.app.inject({ method: 'GET', url: `/passport/credentials/${c!.id}` })).body;
    const post = (body: string, lang = 'en') => t.app.inject({ method: 'POST', url: `/verify?lang=${lang}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ credential: body }).toString() });
    const valid = await post(json);
    expect(valid.statusCode).toBe(200);
    expect(valid.body).toContain('data-verdict="valid"');
    expect(valid.body).toContain('<h2 class="verdict ok">Valid</h2>');
    expect(valid.body).not.toMatch(/<script/i);
    const altered = await post(json.replace(`"${c!.score}"`, `"${Number(c!.score) === 100 ? 99 : Number(c!.score) + 1}"`), 'fr');
    expect(altered.body).toContain('data-verdict="invalid"');
    expect(altered.body).toContain('Non valide');
    const notJson = await post('{"half":', 'nl');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('Dit is geen JSON');
    const page = await t.app.inject({ method: 'GET', url: `/verify/${c!.id}`, headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    expect(page.body).toContain('data-verdict="valid"');
    expect(page.body).toContain('<html lang="fr" dir="ltr">');
    expect((await t.app.inject({ method: 'GET', url: `/verify/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });

  test('a trainer revokes with a reason; the status list, the page and an independent check then say revoked', async () => {
    const [c] = (await passportOf(sam.traineeId)).credentials;
    const trainerNow = await fresh();
    const noReason = await trainerNow.call('POST', `/api/passport/credentials/${c!.id}/revoke`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('reason');
    const ok = await trainerNow.call('POST', `/api/passport/credentials/${c!.id}/revoke`, { reason: 'Examen niet in het lokaal afgelegd' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await trainerNow.call('POST', `/api/passport/credentials/${c!.id}/revoke`, { reason: 'again' })).statusCode).toBe(409);
    const after = (await passportOf(sam.traineeId)).credentials[0]!;
    expect(after.revokedReason).toBe('Examen niet in het lokaal afgelegd');
    const json = JSON.parse((await t.app.inject({ method: 'GET', url: `/passport/credentials/${c!.id}` })).body) as Record<string, unknown>;
    expect((await checkCredential(json, statusLoader(), new Date(clock))).verdict).toBe('revoked');
    expect((await t.app.inject({ method: 'GET', url: `/verify/${c!.id}?lang=nl` })).body).toContain('Ingetrokken door het centrum');
  });

  test('key rotation: new credentials use the new key, old ones still verify; another organisation sees nothing', async () => {
    const before = (await passportOf(sam.traineeId)).issuer;
    const rotated = await (await fresh()).call('POST', '/api/passport/keys/rotate');
    expect(rotated.statusCode, rotated.body).toBe(200);
    clock += 60_000;
    await passExam(sam);
    expect((await t.app.passportIssuer.runOnce()).issued).toBe(1);
    const passport = await passportOf(sam.traineeId);
    expect(passport.issuer.did).not.toBe(before.did);
    const [newer, older] = passport.credentials;
    for (const c of [newer!, older!]) {
      const json = JSON.parse((await t.app.inject({ method: 'GET', url: `/passport/credentials/${c.id}` })).body) as Record<string, unknown>;
      const check = await checkCredential(json, statusLoader(), new Date(clock));
      expect(check.signature.valid).toBe(true);
      expect(check.verdict).toBe(c.revokedAt ? 'revoked' : 'valid');
    }
    const stranger = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    expect((await stranger.call('GET', `/api/trainees/${sam.traineeId}/passport`)).statusCode).toBe(404);
    expect((await stranger.call('POST', `/api/passport/credentials/${newer!.id}/revoke`, { reason: 'not mine' })).statusCode).toBe(404);
  });

  test('a name only with consent; the Europass export lists the achievements with their ESCO skills', async () => {
    const tr = await fresh();
    const refused = await tr.call('PUT', `/api/trainees/${sam.traineeId}/passport-name`, { name: 'Samira Haddad' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('consent');
    expect((await tr.call('PUT', `/api/trainees/${sam.traineeId}/passport-name`, { name: 'Samira Haddad', consent: true })).statusCode).toBe(200);
    clock += 60_000;
    await passExam(sam);
    await t.app.passportIssuer.runOnce();
    const latest = (await passportOf(sam.traineeId)).credentials[0]!;
    const json = (await t.app.inject({ method: 'GET', url: `/passport/credentials/${latest.id}` })).body;
    expect(json).toContain('Samira Haddad');
    const europass = await tr.call('GET', `/api/trainees/${sam.traineeId}/passport/europass`);
    expect(europass.statusCode).toBe(200);
    const doc = europass.json() as { '@context': string[]; type: string[]; credentialSubject: { hasClaim: { specifiedBy: { learningOutcome: { relatedESCOSkill: { id: string }[] }[] } }[] } };
    // ELM's context after the VC one, as ELM's own examples (tests/server/passport/europass-shacl.test.ts checks it against ELM's shapes).
    expect(doc['@context']).toEqual(['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap']);
    expect(doc.type).toContain('EuropeanDigitalCredential');
    // Two unrevoked achievements (the first one was revoked).
    expect(doc.credentialSubject.hasClaim).toHaveLength(2);
    expect(doc.credentialSubject.hasClaim[0]!.specifiedBy.learningOutcome.flatMap((o) => o.relatedESCOSkill.map((s) => s.id))).toContain('http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176');
  });

  test('the dashboard reads the passport texts as JSON per language; a bad language code is refused by name', async () => {
    const ar = await t.app.inject({ method: 'GET', url: '/api/passport/texts/ar' });
    expect(ar.statusCode).toBe(200);
    expect(ar.json().title).toBe('جواز المهارات');
    expect((await t.app.inject({ method: 'GET', url: '/api/passport/texts/..%2F..' })).json().message).toContain('lng');
    expect((await t.app.inject({ method: 'GET', url: '/api/passport/texts/xx' })).statusCode).toBe(404);
  });

  test('the privacy export holds the passport: each credential as signed, with its revocation, and the consented name', async () => {
    const exported = (await (await fresh()).call('GET', `/api/trainees/${sam.traineeId}/export`)).json() as { passport: { name: { name: string } | null; credentials: { id: string; revokedReason: string | null; credential: { proof: unknown } }[] } };
    expect(exported.passport.name?.name).toBe('Samira Haddad');
    expect(exported.passport.credentials).toHaveLength(3);
    expect(exported.passport.credentials.map((c) => c.revokedReason)).toContain('Examen niet in het lokaal afgelegd');
    expect(exported.passport.credentials.every((c) => c.credential.proof)).toBe(true);
  });

  test('erasing the trainee revokes every credential through its status bit and deletes the rows', async () => {
    const ids = (await passportOf(sam.traineeId)).credentials.map((c) => c.id);
    const copies = await Promise.all(ids.map(async (id) => JSON.parse((await t.app.inject({ method: 'GET', url: `/passport/credentials/${id}` })).body) as Record<string, unknown>));
    const erased = await (await fresh()).call('DELETE', `/api/trainees/${sam.traineeId}`);
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().erased.credentials).toBe(3);
    expect(await t.db.selectFrom('passport_credentials').select('id').where('trainee_id', '=', sam.traineeId).execute()).toEqual([]);
    expect(await t.db.selectFrom('passport_subjects').select('name').execute()).toEqual([]);
    // Copies the trainee took away now verify as revoked; the lists keep their indexes.
    for (const copy of copies) expect((await checkCredential(copy, statusLoader(), new Date(clock))).verdict).toBe('revoked');
  });
});

describe('skills passport with PUBLIC_URL: did:web', () => {
  test('the issuer is did:web on the public address, its document lists every key, and verification resolves it from there', async () => {
    const clock = Date.parse('2026-11-26T09:00:00.000Z');
    const t = await testApp({ now: () => new Date(clock), publicUrl: 'https://werkvloer.example/', app: { passportJob: false } });
    try {
      const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
      const sam = await joinedTrainee(t.app, trainer, 'Sam');
      await trainer.call('PUT', `/api/trainees/${sam.traineeId}/exam`, { exam: true });
      const attempt = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${sam.token}` }, payload: { scenarioId: sessionBody().scenarioId } });
      await t.app.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: { authorization: `Bearer ${sam.token}`, 'x-exam-attempt': attempt.json().attemptId },
        payload: sessionBody({ mode: 'exam', startedAt: new Date(clock + 1000).toISOString(), endedAt: new Date(clock + 8000).toISOString(), events: playedEvents }),
      });
      await t.app.passportIssuer.runOnce();
      await trainer.call('POST', '/api/passport/keys/rotate');
      const passport = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/passport`)).json() as Passport;
      expect(passport.issuer.did).toBe(`did:web:werkvloer.example:passport:${trainer.organisationId}`);
      const did = await t.app.inject({ method: 'GET', url: `/passport/${trainer.organisationId}/did.json` });
      expect(did.statusCode).toBe(200);
      expect((did.json() as { verificationMethod: unknown[] }).verificationMethod).toHaveLength(2);
      const json = JSON.parse((await t.app.inject({ method: 'GET', url: `/passport/credentials/${passport.credentials[0]!.id}` })).body) as Record<string, unknown>;
      expect((json.credentialStatus as { statusListCredential: string }).statusListCredential).toMatch(/^https:\/\/werkvloer\.example\/passport\/status\//);
      const page = await t.app.inject({ method: 'POST', url: '/verify?lang=en', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ credential: JSON.stringify(json) }).toString() });
      expect(page.body).toContain('data-verdict="valid"');
      // An independent verifier given the published DID document (as a did:web resolver would fetch it) agrees.
      const independent = documentLoader({ didWeb: async () => did.json() as Record<string, unknown>, other: async (url) => (await t.app.inject({ method: 'GET', url: new URL(url).pathname })).json() as Record<string, unknown> });
      expect((await checkCredential(json, independent, new Date(clock))).verdict).toBe('valid');
      // A backup holds the keys (sealed), the lists and the credentials: with the server secret, a restore can sign again.
      const backup = await backupSqlite(t.dataDir);
      const copy = new SQLite(backup.file, { readonly: true });
      try {
        const keys = copy.prepare('select secret_sealed from passport_keys order by serial').all() as { secret_sealed: string }[];
        expect(keys).toEqual(await t.db.selectFrom('passport_keys').select('secret_sealed').orderBy('serial').execute());
        expect((copy.prepare('select count(*) as n from passport_credentials').get() as { n: number }).n).toBe(1);
        expect((copy.prepare('select count(*) as n from passport_status_lists where signed_json is not null').get() as { n: number }).n).toBe(1);
      } finally {
        copy.close();
      }
    } finally {
      await t.close();
    }
  });
});

describe('skills passport with PUBLIC_URL: withdrawing a leaked key', () => {
  test('the key leaves the did:web document, what it signed is revoked and no longer verifies; the next key signs the lists and new credentials', async () => {
    let clock = Date.parse('2026-11-26T09:00:00.000Z');
    const t = await testApp({ now: () => new Date(clock), publicUrl: 'https://werkvloer.example/', app: { passportJob: false } });
    try {
      const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
      const sam = await joinedTrainee(t.app, trainer, 'Sam');
      await trainer.call('PUT', `/api/trainees/${sam.traineeId}/exam`, { exam: true });
      const passExam = async () => {
        clock += 60_000;
        const attempt = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${sam.token}` }, payload: { scenarioId: sessionBody().scenarioId } });
        const up = await t.app.inject({
          method: 'POST',
          url: '/api/sessions',
          headers: { authorization: `Bearer ${sam.token}`, 'x-exam-attempt': attempt.json().attemptId },
          payload: sessionBody({ id: crypto.randomUUID(), mode: 'exam', startedAt: new Date(clock + 1000).toISOString(), endedAt: new Date(clock + 8000).toISOString(), events: playedEvents }),
        });
        expect(up.statusCode, up.body).toBe(201);
        expect((await t.app.passportIssuer.runOnce()).issued).toBe(1);
      };
      const published = async () => (await t.app.inject({ method: 'GET', url: `/passport/${trainer.organisationId}/did.json` })).json() as Record<string, unknown> & { verificationMethod: { id: string }[] };
      // An independent verifier: the published DID document and status lists only, as a did:web resolver fetches them.
      const verifier = async () => {
        const did = await published();
        return documentLoader({ didWeb: async () => did, other: async (url) => (await t.app.inject({ method: 'GET', url: new URL(url).pathname })).json() as Record<string, unknown> });
      };
      const credential = async (id: string) => JSON.parse((await t.app.inject({ method: 'GET', url: `/passport/credentials/${id}` })).body) as Record<string, unknown>;

      await passExam();
      const first = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/passport`)).json() as Passport;
      const leaked = await credential(first.credentials[0]!.id);
      expect((await checkCredential(leaked, await verifier(), new Date(clock))).verdict).toBe('valid');

      // Bad input is named; an unknown key is not found.
      const noReason = await trainer.call('POST', '/api/passport/keys/1/withdraw', { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().issues[0].path).toBe('reason');
      expect((await trainer.call('POST', '/api/passport/keys/zero/withdraw', { reason: 'gelekt' })).json().issues[0]).toEqual({ path: 'serial', message: expect.stringContaining('number') });
      expect((await trainer.call('POST', '/api/passport/keys/7/withdraw', { reason: 'gelekt' })).statusCode).toBe(404);

      // Key 1 signs now: withdrawing it rotates to key 2 first.
      const withdrawn = await trainer.call('POST', '/api/passport/keys/1/withdraw', { reason: 'Laptop met back-up gestolen' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toEqual({ withdrawn: 1, revoked: 1, signing: 2 });
      expect((await trainer.call('POST', '/api/passport/keys/1/withdraw', { reason: 'again' })).statusCode).toBe(409);
      expect((await published()).verificationMethod.map((m) => m.id.split('#')[1])).toEqual(['key-2']);
      const after = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/passport`)).json() as Passport;
      expect(after.credentials[0]!.revokedReason).toBe('signing key 1 withdrawn: Laptop met back-up gestolen');
      // The copy signed by the leaked key no longer verifies, and its status (signed by key 2) says revoked.
      const check = await checkCredential(leaked, await verifier(), new Date(clock));
      expect(check.signature.valid).toBe(false);
      expect(check.verdict).not.toBe('valid');
      const list = (await t.app.inject({ method: 'GET', url: new URL((leaked.credentialStatus as { statusListCredential: string }).statusListCredential).pathname })).json() as { proof: { verificationMethod: string } };
      expect(list.proof.verificationMethod).toMatch(/#key-2$/);
      // What key 2 signs from now on verifies.
      await passExam();
      const latest = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/passport`)).json() as Passport;
      const fresh = latest.credentials.find((c) => c.id !== first.credentials[0]!.id)!;
      expect((await checkCredential(await credential(fresh.id), await verifier(), new Date(clock))).verdict).toBe('valid');
      // Another organisation cannot touch this key.
      const stranger = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
      expect((await stranger.call('POST', '/api/passport/keys/2/withdraw', { reason: 'not mine' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('skills passport: one issuer per process', () => {
  test('the HTTP and HTTPS listeners share one issuer, and an exam uploaded on the second wakes it', async () => {
    const clock = Date.parse('2026-11-26T09:00:00.000Z');
    const first = await testApp({ now: () => new Date(clock), app: { passportJob: false } });
    // main.ts builds the HTTPS app with the HTTP app's issuer; here both apps open the same SQLite file.
    const second = await testApp({ reuse: first.storage, now: () => new Date(clock), app: { passportIssuer: first.app.passportIssuer } });
    try {
      expect(second.app.passportIssuer).toBe(first.app.passportIssuer);
      const trainer = await organisationWithTrainer(first.app, first.db, 'Atelier');
      const sam = await joinedTrainee(first.app, trainer, 'Sam');
      await trainer.call('PUT', `/api/trainees/${sam.traineeId}/exam`, { exam: true });
      const attempt = await second.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${sam.token}` }, payload: { scenarioId: sessionBody().scenarioId } });
      const upload = await second.app.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: { authorization: `Bearer ${sam.token}`, 'x-exam-attempt': attempt.json().attemptId },
        payload: sessionBody({ mode: 'exam', startedAt: new Date(clock + 1000).toISOString(), endedAt: new Date(clock + 8000).toISOString(), events: playedEvents }),
      });
      expect(upload.statusCode, upload.body).toBe(201);
      // The first app's job was never started (passportJob: false): only the second app's upload hook can have woken it.
      await vi.waitFor(async () => expect(await first.db.selectFrom('passport_credentials').select('id').execute()).toHaveLength(1), { timeout: 15_000, interval: 200 });
    } finally {
      await second.stop();
      await first.close();
    }
  });
});
