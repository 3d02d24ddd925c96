import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { backupSqlite } from '../../../src/server/backup';
import { databaseKinds } from '../support/databases';
import { toneWav } from '../support/tone-wav';
import { joinedTrainee, login, organisationWithTrainer } from '../support/trainers';
import { root, testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
let localesDir = '';
afterEach(async () => {
  await t?.close();
  t = null;
  rmSync(localesDir, { recursive: true, force: true });
});

/** The Tigrinya instruction of the sample station's first step: no synthetic voice speaks it. */
const line = 'wood-intro-workbench:steps.wear-glasses.instruction';
const statement = 'I agree that my voice is used to train the trainees of this centre.';

describe.each(databaseKinds)('centre-recorded voices on %s', (kind) => {
  const setup = async () => {
    // A copy of the texts: the test changes one, as a new release would.
    localesDir = mkdtempSync(join(tmpdir(), 'werkvloer-locales-'));
    cpSync(join(root, 'locales'), localesDir, { recursive: true });
    t = await testApp({ kind, app: { localesDir } });
    const coach = await organisationWithTrainer(t.app, t.db, 'Taalcentrum');
    const other = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    const trainee = await joinedTrainee(t.app, coach);
    const otherTrainee = await joinedTrainee(t.app, other);
    const upload = (who: typeof coach, body: Buffer, opts: { type?: string; key?: string; language?: string } = {}) =>
      t!.app.inject({
        method: 'POST',
        url: `/api/voices/recordings?language=${opts.language ?? 'ti'}&key=${encodeURIComponent(opts.key ?? line)}`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': opts.type ?? 'audio/wav' },
        payload: body,
      });
    const heard = async (token: string) => (await t!.app.inject({ method: 'GET', url: '/api/trainee/voices/ti', headers: { authorization: `Bearer ${token}` } })).json().files as Record<string, { file: string; sha256: string }>;
    return { coach, other, trainee, otherTrainee, upload, heard };
  };

  test('a coach agrees, records, hears back and publishes; only their organisation’s trainees get it', async () => {
    const { coach, other, trainee, otherTrainee, upload, heard } = await setup();
    const lines = (await coach.call('GET', '/api/voices/lines?language=ti')).json();
    const entry = lines.lines.find((l: { key: string }) => l.key === line);
    expect(entry).toMatchObject({ station: 'wood-intro-workbench', synthetic: false, status: 'missing', recording: null });
    expect(lines.stations).toContain('wood-intro-workbench');
    // Dutch has espeak-ng audio for the same line.
    const nl = (await coach.call('GET', '/api/voices/lines?language=nl&station=wood-intro-workbench')).json();
    expect(nl.lines.find((l: { key: string }) => l.key === line).status).toBe('synthetic');
    expect(nl.lines.every((l: { station: string }) => l.station === 'wood-intro-workbench')).toBe(true);

    const before = await upload(coach, toneWav());
    expect(before.statusCode).toBe(403);
    expect(before.json().error).toBe('consent-required');
    const consent = await coach.call('POST', '/api/voices/consent', { agree: true, statement, language: 'en' });
    expect(consent.statusCode).toBe(201);
    expect((await coach.call('GET', '/api/voices/me')).json()).toMatchObject({ canRecord: true, admin: true, consentedAt: consent.json().agreedAt });

    const made = await upload(coach, toneWav({ toneMs: 1200, silenceMs: 600 }));
    expect(made.statusCode).toBe(201);
    const draft = made.json();
    expect(draft).toMatchObject({ state: 'draft', stale: false, key: line, language: 'ti' });
    // Silence trimmed from both ends: 2.4 s in, about the 1.2 s tone out.
    expect(draft.durationMs).toBeGreaterThan(1000);
    expect(draft.durationMs).toBeLessThan(1600);
    const audio = await coach.call('GET', `/api/voices/recordings/${draft.id}/audio`);
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/ogg');
    // The generated audio's format: Ogg with an Opus head, one channel.
    expect(audio.rawPayload.subarray(0, 4).toString('ascii')).toBe('OggS');
    const head = audio.rawPayload.indexOf('OpusHead');
    expect(head).toBeGreaterThan(0);
    expect(audio.rawPayload[head + 9]).toBe(1);

    // A draft is nobody's yet; not even a file.
    expect(await heard(trainee.token)).toEqual({});
    expect((await t!.app.inject({ method: 'GET', url: `/voices/${draft.id}.ogg` })).statusCode).toBe(404);
    expect((await coach.call('POST', `/api/voices/recordings/${draft.id}/publish`)).json()).toMatchObject({ state: 'published' });
    const files = await heard(trainee.token);
    expect(Object.keys(files)).toEqual([line]);
    const file = await t!.app.inject({ method: 'GET', url: files[line]!.file });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toContain('immutable');
    expect(Buffer.compare(file.rawPayload, audio.rawPayload)).toBe(0);
    const listed = (await coach.call('GET', '/api/voices/lines?language=ti&missing=1')).json();
    expect(listed.lines.some((l: { key: string }) => l.key === line)).toBe(false);

    // Another organisation: not in its trainees' list, not in its trainers' page, its audio not theirs.
    expect(await heard(otherTrainee.token)).toEqual({});
    expect((await other.call('GET', '/api/voices/lines?language=ti')).json().lines.find((l: { key: string }) => l.key === line).recording).toBeNull();
    expect((await other.call('GET', `/api/voices/recordings/${draft.id}/audio`)).statusCode).toBe(404);
    expect((await other.call('DELETE', `/api/voices/recordings/${draft.id}`)).statusCode).toBe(404);
    // …until the admin shares them.
    expect((await coach.call('PUT', '/api/voices/sharing', { shared: true })).statusCode).toBe(200);
    expect(Object.keys(await heard(otherTrainee.token))).toEqual([line]);
    expect((await t!.app.inject({ method: 'GET', url: '/api/trainee/voices/ti' })).statusCode).toBe(401);
  });

  test('a changed text makes the recording stale: listed to re-record, never played, not publishable', async () => {
    const { coach, trainee, upload, heard } = await setup();
    await coach.call('POST', '/api/voices/consent', { agree: true, statement, language: 'nl' });
    const first = (await upload(coach, toneWav())).json();
    await coach.call('POST', `/api/voices/recordings/${first.id}/publish`);
    const second = (await upload(coach, toneWav({ hz: 330 }))).json();
    expect(Object.keys(await heard(trainee.token))).toEqual([line]);

    const file = join(localesDir, 'ti', 'wood-intro-workbench.json');
    const texts = JSON.parse(readFileSync(file, 'utf8'));
    texts.steps['wear-glasses'].instruction = 'መከላኸሊ መነጽር ኣብ ዓይንኹም ግበሩ።';
    writeFileSync(file, JSON.stringify(texts));

    const entry = (await coach.call('GET', '/api/voices/lines?language=ti&missing=1')).json().lines.find((l: { key: string }) => l.key === line);
    expect(entry).toMatchObject({ status: 'stale', heard: false, recording: { id: first.id, stale: true }, draft: { id: second.id, stale: true } });
    expect(await heard(trainee.token)).toEqual({});
    const publish = await coach.call('POST', `/api/voices/recordings/${second.id}/publish`);
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error).toBe('recording-stale');
    // Recorded again for the new text: heard again.
    const again = (await upload(coach, toneWav())).json();
    expect((await coach.call('POST', `/api/voices/recordings/${again.id}/publish`)).statusCode).toBe(200);
    expect((await heard(trainee.token))[line]!.file).toBe(`/voices/${again.id}.ogg`);
  });

  test('uploads are checked: type, size, line, text, audio, and the voice permission', async () => {
    const { coach, upload } = await setup();
    await coach.call('POST', '/api/voices/consent', { agree: true, statement, language: 'nl' });
    const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, error: string, says: RegExp) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error).toBe(error);
      expect(res.json().message).toMatch(says);
    };
    await refused(await upload(coach, Buffer.from('hello'), { type: 'text/plain' }), 415, 'unsupported-audio-type', /text\/plain/);
    await refused(await upload(coach, toneWav(), { type: 'audio/flac' }), 415, 'unsupported-audio-type', /audio\/flac.*audio\/webm/);
    await refused(await upload(coach, Buffer.alloc(3 * 1024 * 1024)), 413, 'body-too-large', /.+/);
    await refused(await upload(coach, Buffer.from('not a recording at all')), 422, 'unreadable-audio', /could not be read as audio/);
    await refused(await upload(coach, toneWav({ toneMs: 0, silenceMs: 1000 })), 422, 'recording-silent', /silent/);
    await refused(await upload(coach, toneWav(), { key: 'nonsense' }), 400, 'invalid-request', /key: must be a spoken line as namespace:key/);
    await refused(await upload(coach, toneWav(), { language: 'klingon' }), 400, 'invalid-request', /language: must be a language code/);
    await refused(await upload(coach, toneWav(), { key: 'feedback:no-such-line' }), 404, 'unknown-line', /feedback:no-such-line/);
    await refused(
      await coach.call('POST', '/api/voices/consent', { agree: false, statement, language: 'nl' }),
      400,
      'invalid-request',
      /agree: must be true/,
    );

    // A plain trainer records only with the "voice" permission, which only an admin gives.
    const added = await coach.call('POST', '/api/trainers', { email: 'tolk@taalcentrum.test', password: 'violet harbour 42 lantern', role: 'trainer' });
    expect(added.statusCode).toBe(201);
    const tolk = await login(t!.app, coach.organisationId, 'tolk@taalcentrum.test', 'violet harbour 42 lantern');
    await refused(await tolk.call('POST', '/api/voices/consent', { agree: true, statement, language: 'ti' }), 403, 'voice-permission-required', /"voice" permission/);
    await refused(await tolk.call('PUT', `/api/voices/permissions/${added.json().id}`, { allowed: true }), 403, 'admin-only', /admin/);
    expect((await coach.call('PUT', `/api/voices/permissions/${added.json().id}`, { allowed: true })).json()).toEqual({ id: added.json().id, allowed: true });
    expect((await coach.call('GET', '/api/voices/permissions')).json().trainers.find((x: { email: string }) => x.email === 'tolk@taalcentrum.test').allowed).toBe(true);
    expect((await tolk.call('POST', '/api/voices/consent', { agree: true, statement, language: 'ti' })).statusCode).toBe(201);
    expect((await upload(tolk, toneWav())).statusCode).toBe(201);
  });

  test("the organisation's export holds every recording and agreement; a speaker's voice is removed on request", async () => {
    const { coach, other, trainee, upload, heard } = await setup();
    await coach.call('POST', '/api/voices/consent', { agree: true, statement, language: 'en' });
    const rec = (await upload(coach, toneWav())).json();
    await coach.call('POST', `/api/voices/recordings/${rec.id}/publish`);
    const exported = await coach.call('GET', '/api/voices/export');
    expect(exported.headers['content-disposition']).toContain('werkvloer-voices.json');
    const body = exported.json();
    expect(body.consents).toMatchObject([{ email: coach.email, statement, language: 'en', withdrawnAt: null }]);
    expect(body.recordings).toHaveLength(1);
    expect(body.recordings[0]).toMatchObject({ id: rec.id, key: line, state: 'published', stale: false, format: 'audio/ogg; codecs=opus' });
    const audio = (await coach.call('GET', `/api/voices/recordings/${rec.id}/audio`)).rawPayload;
    expect(Buffer.from(body.recordings[0].audioBase64, 'base64').equals(audio)).toBe(true);
    expect((await other.call('GET', '/api/voices/export')).json().recordings).toEqual([]);

    if (kind === 'sqlite') {
      // The audio is in the database, so the online backup carries it.
      const backup = await backupSqlite(t!.dataDir);
      const copy = new SQLite(backup.file, { readonly: true });
      expect((copy.prepare('select audio from voice_recordings where id = ?').get(rec.id) as { audio: Buffer }).audio.equals(audio)).toBe(true);
      copy.close();
    }

    const me = (await coach.call('GET', '/api/voices/permissions')).json().trainers.find((x: { email: string }) => x.email === coach.email);
    const removed = await coach.call('DELETE', `/api/voices/speakers/${me.id}`);
    expect(removed.json().removed.recordings).toBe(1);
    expect(await heard(trainee.token)).toEqual({});
    expect((await t!.app.inject({ method: 'GET', url: `/voices/${rec.id}.ogg` })).statusCode).toBe(404);
    const after = (await coach.call('GET', '/api/voices/export')).json();
    expect(after.recordings).toEqual([]);
    expect(after.consents[0].withdrawnAt).toBe(removed.json().removed.consentWithdrawnAt);
    expect((await coach.call('GET', '/api/voices/me')).json().consentedAt).toBeNull();
  });
});
