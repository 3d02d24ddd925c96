import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { resetSecondFactorByEmail } from '../../../src/server/accounts-cli';
import { databaseKinds } from '../support/databases';
import { login, organisationWithTrainer } from '../support/trainers';
import { testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** What tells two answers apart, with the new account's own id and address taken out. */
function comparable(res: LightMyRequestResponse, id: string, email: string) {
  const headers = { ...res.headers };
  delete headers.date;
  return { status: res.statusCode, headers, body: res.body.replaceAll(id, '<id>').replaceAll(email, '<email>') };
}

describe.each(databaseKinds)('adding trainers across organisations on %s (issue 18 item 10)', (kind) => {
  const start = async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await testApp({ kind, app: { logger: { stream, requests: false } } });
    const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => typeof e.security === 'string');
    const atelier = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const werkhuis = await organisationWithTrainer(t.app, t.db, 'Werkhuis');
    return { app: t.app, db: t.db, atelier, werkhuis, events };
  };

  test('an address with an account in another organisation gets the same answer as a new one; only its own organisation says "already"', async () => {
    const { atelier, werkhuis, events } = await start();
    expect((await atelier.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'green teapot 42 harbour' })).statusCode).toBe(201);

    // Same length as kim@shared.test: even the answer's size cannot differ.
    const known = await werkhuis.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'copper whistle 3 dune' });
    const fresh = await werkhuis.call('POST', '/api/trainers', { email: 'lou@shared.test', password: 'copper whistle 3 dune' });
    expect(known.statusCode).toBe(201);
    expect(comparable(known, known.json().id, 'kim@shared.test')).toEqual(comparable(fresh, fresh.json().id, 'lou@shared.test'));
    expect(known.json()).toMatchObject({ email: 'kim@shared.test', role: 'trainer' });

    // Within the admin's own organisation the address is named as taken, in words that say where.
    const again = await werkhuis.call('POST', '/api/trainers', { email: 'KIM@shared.test', password: 'silver lantern 9 meadow' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'email-in-organisation', message: 'kim@shared.test already has an account in your organisation' });

    // Each organisation lists its own account only.
    const emails = async (who: typeof atelier) => ((await who.call('GET', '/api/trainers')).json().trainers as { email: string }[]).map((x) => x.email);
    expect(await emails(atelier)).toEqual(['admin@atelier.test', 'kim@shared.test']);
    expect(await emails(werkhuis)).toEqual(['admin@werkhuis.test', 'kim@shared.test', 'lou@shared.test']);

    // The security log records each addition the same way.
    const added = events().filter((e) => e.security === 'trainer-added' && e.organisationId === werkhuis.organisationId);
    expect(added.map((e) => Object.keys(e).sort())).toEqual([Object.keys(added[0]!).sort(), Object.keys(added[0]!).sort()]);
    expect(added.map((e) => e.target)).toEqual([known.json().id, fresh.json().id]);
  });

  test('each account of a shared address logs in with its own password; one password for both asks which organisation', async () => {
    const { app, db, atelier, werkhuis } = await start();
    await atelier.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'green teapot 42 harbour' });
    await werkhuis.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'copper whistle 3 dune' });
    const inAtelier = await login(app, atelier.organisationId, 'kim@shared.test', 'green teapot 42 harbour');
    expect((await inAtelier.call('GET', '/api/auth/me')).json().trainer.organisation.id).toBe(atelier.organisationId);
    const inWerkhuis = await login(app, werkhuis.organisationId, 'kim@shared.test', 'copper whistle 3 dune');
    expect((await inWerkhuis.call('GET', '/api/auth/me')).json().trainer.organisation.id).toBe(werkhuis.organisationId);

    // A wrong password answers exactly as for an address nobody has.
    const attempt = (email: string, ip: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password: 'not the password 1' } });
    const shared = await attempt('kim@shared.test', '127.9.0.1');
    const nobody = await attempt('zoe@shared.test', '127.9.0.2');
    expect(shared.statusCode).toBe(401);
    expect(comparable(shared, '-', '-')).toEqual(comparable(nobody, '-', '-'));

    // Kim sets the same password in Werkhuis: that login must say which organisation.
    const changed = await inWerkhuis.call('POST', '/api/auth/password', { currentPassword: 'copper whistle 3 dune', newPassword: 'green teapot 42 harbour' });
    expect(changed.statusCode).toBe(200);
    const ask = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.9.0.3', payload: { email: 'kim@shared.test', password: 'green teapot 42 harbour' } });
    expect(ask.statusCode).toBe(409);
    expect(ask.json()).toMatchObject({ error: 'choose-organisation' });
    expect(ask.json().organisations).toEqual([
      { id: atelier.organisationId, name: 'Atelier' },
      { id: werkhuis.organisationId, name: 'Werkhuis' },
    ]);
    expect(ask.headers['set-cookie']).toBeUndefined();
    const chosen = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.9.0.3', payload: { email: 'kim@shared.test', password: 'green teapot 42 harbour', organisation: werkhuis.organisationId } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().trainer.organisation.id).toBe(werkhuis.organisationId);
    // An organisation the password does not open is a plain failure.
    const other = await organisationWithTrainer(app, db, 'Derde');
    const wrongOrg = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.9.0.4', payload: { email: 'kim@shared.test', password: 'green teapot 42 harbour', organisation: other.organisationId } });
    expect(wrongOrg.statusCode).toBe(401);
  });

  test("an admin's reset link and removal touch their own organisation's account only", async () => {
    const { app, atelier, werkhuis } = await start();
    await atelier.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'green teapot 42 harbour' });
    const kimHere = (await werkhuis.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'copper whistle 3 dune' })).json().id as string;
    const link = (await werkhuis.call('POST', `/api/trainers/${kimHere}/password-reset`, {})).json().link as string;
    const token = link.split('/').pop()!;
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'silver lantern 9 meadow' } })).statusCode).toBe(204);
    await login(app, werkhuis.organisationId, 'kim@shared.test', 'silver lantern 9 meadow');
    // Atelier's Kim still has her own password.
    await login(app, atelier.organisationId, 'kim@shared.test', 'green teapot 42 harbour');
    expect((await werkhuis.call('DELETE', `/api/trainers/${kimHere}`)).statusCode).toBe(204);
    await login(app, atelier.organisationId, 'kim@shared.test', 'green teapot 42 harbour');
  });

  test('the admin CLI asks which organisation when an address has accounts in several', async () => {
    const { db, atelier, werkhuis } = await start();
    await atelier.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'green teapot 42 harbour' });
    await werkhuis.call('POST', '/api/trainers', { email: 'kim@shared.test', password: 'copper whistle 3 dune' });
    expect(await resetSecondFactorByEmail(db, 'kim@shared.test')).toEqual({
      kind: 'choose-organisation',
      organisations: [
        { id: atelier.organisationId, name: 'Atelier' },
        { id: werkhuis.organisationId, name: 'Werkhuis' },
      ],
    });
    expect(await resetSecondFactorByEmail(db, 'kim@shared.test', 'werkhuis')).toMatchObject({ kind: 'reset', organisation: 'Werkhuis' });
    expect(await resetSecondFactorByEmail(db, 'kim@shared.test', atelier.organisationId)).toMatchObject({ kind: 'reset', organisation: 'Atelier' });
    expect(await resetSecondFactorByEmail(db, 'kim@shared.test', 'Nowhere')).toEqual({ kind: 'not-found' });
  });
});
