import { afterEach, describe, expect, test } from 'vitest';
import { totpCode } from '../../../src/server/auth/second-factor';
import { resetSecondFactorByEmail } from '../../../src/server/accounts-cli';
import { databaseKinds } from '../support/databases';
import { cookieOf, login, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('trainer accounts on %s', (kind) => {
  let clock = 0;
  const start = async () => {
    clock = Date.parse('2026-12-06T09:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    const admin = await organisationWithTrainer(t.app, t.db, 'Atelier');
    return { app: t.app, db: t.db, admin };
  };
  const addCoach = async (admin: LoggedIn, email = 'coach@atelier.test', password = 'green teapot 42 harbour') => {
    expect((await admin.call('POST', '/api/trainers', { email, password })).statusCode).toBe(201);
    return login(t!.app, admin.organisationId, email, password);
  };
  /** Sets up TOTP for a logged-in trainer; its secret and recovery codes. */
  const enableTotp = async (who: LoggedIn) => {
    const setup = await who.call('POST', '/api/auth/second-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await who.call('POST', '/api/auth/second-factor/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirmed = await who.call('POST', '/api/auth/second-factor/confirm', { code: totpCode(secret, new Date(clock)) });
    expect(confirmed.statusCode).toBe(200);
    return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  };
  const passwordLogin = (email: string, password: string, ip = '127.7.0.1') => t!.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });
  const codeStep = (challenge: string, code: string, ip = '127.7.0.1') => t!.app.inject({ method: 'POST', url: '/api/auth/login/second-factor', remoteAddress: ip, payload: { challenge, code } });

  test('an admin cannot add a trainer with a weak password, the e-mail or the organisation name; the reason has a code', async () => {
    const { admin } = await start();
    const refused = async (email: string, password: string) => (await admin.call('POST', '/api/trainers', { email, password })).json().issues[0];
    expect(await refused('coach@atelier.test', 'aaaaaaaaaa')).toMatchObject({ path: 'password', code: 'password-too-weak' });
    expect(await refused('coach@atelier.test', 'password12')).toMatchObject({ path: 'password', code: 'password-too-weak' });
    expect(await refused('coach@atelier.test', 'coach@atelier.test')).toMatchObject({ path: 'password', code: 'password-contains-email' });
    expect(await refused('coach@atelier.test', 'Atelier kettle 42 blue')).toMatchObject({ path: 'password', code: 'password-contains-organisation' });
    expect((await admin.call('GET', '/api/trainers')).json().trainers).toHaveLength(1);
  });

  test('a password change needs the current password, follows the policy and ends the other sessions only', async () => {
    const { admin } = await start();
    const elsewhere = await login(t!.app, admin.organisationId, admin.email, admin.password);
    const change = (currentPassword: string, newPassword: string) => admin.call('POST', '/api/auth/password', { currentPassword, newPassword });
    expect((await change('not my password', 'silver lantern 9 meadow')).json()).toMatchObject({ error: 'current-password-wrong' });
    expect((await change(admin.password, 'password12')).json().issues[0].code).toBe('password-too-weak');
    const changed = await change(admin.password, 'silver lantern 9 meadow');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect((await elsewhere.call('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await admin.call('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await passwordLogin(admin.email, admin.password)).statusCode).toBe(401);
    expect((await passwordLogin(admin.email, 'silver lantern 9 meadow')).statusCode).toBe(200);
  });

  test('an admin reset gives a one-time link; it sets a new password once and ends the trainer\'s sessions', async () => {
    const { app, admin } = await start();
    const coach = await addCoach(admin);
    expect((await coach.call('POST', `/api/trainers/${admin.email === coach.email ? '' : (await admin.call('GET', '/api/trainers')).json().trainers[0].id}/password-reset`, {})).statusCode).toBe(403);
    const coachId = ((await admin.call('GET', '/api/trainers')).json().trainers as { id: string; email: string }[]).find((x) => x.email === coach.email)!.id;
    const issued = await admin.call('POST', `/api/trainers/${coachId}/password-reset`, {});
    expect(issued.statusCode).toBe(201);
    const link = issued.json().link as string;
    expect(link).toMatch(/^\/dashboard\/#\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = link.split('/').at(-1)!;
    const use = (password: string) => app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password } });
    expect((await use('coach@atelier.test')).json().issues[0].code).toBe('password-contains-email');
    expect((await use('amber violin 5 canal')).statusCode).toBe(204);
    expect((await use('another amber violin 6')).json().error).toBe('reset-link-invalid');
    expect((await coach.call('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await passwordLogin(coach.email, 'amber violin 5 canal')).statusCode).toBe(200);
    // Another organisation's admin cannot reach this trainer.
    const other = await organisationWithTrainer(app, t!.db, 'Bakkerij');
    expect((await other.call('POST', `/api/trainers/${coachId}/password-reset`, {})).statusCode).toBe(404);
    // A link expires after a day.
    const late = (await admin.call('POST', `/api/trainers/${coachId}/password-reset`, {})).json().link.split('/').at(-1);
    clock += 24 * 60 * 60_000 + 1;
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: late, password: 'amber violin 7 canal' } })).json().error).toBe('reset-link-invalid');
  });

  test('TOTP: set up with a QR URI, then login asks for a code; codes and recovery codes work once; the seed is stored sealed', async () => {
    const { db, admin } = await start();
    const { secret, recoveryCodes } = await enableTotp(admin);
    expect(recoveryCodes).toHaveLength(10);
    const row = await db.selectFrom('trainers').select(['totp_secret', 'totp_pending']).where('email', '=', admin.email).executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_pending).toBeNull();
    expect((await admin.call('GET', '/api/auth/me')).json().trainer.secondFactor).toBe(true);

    clock += 30_000;
    const first = await passwordLogin(admin.email, admin.password);
    expect(first.statusCode).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    const { challenge } = first.json() as { secondFactor: string; challenge: string };
    expect(first.json().secondFactor).toBe('totp');
    expect((await codeStep(challenge, '123456')).json().error).toBe('second-factor-wrong');
    const code = totpCode(secret, new Date(clock));
    const ok = await codeStep(challenge, code);
    expect(ok.statusCode).toBe(200);
    expect(cookieOf(ok)).toMatch(/^__Host-werkvloer-trainer=/);
    // The same code again (a shoulder-surfer) is refused, and the used challenge is gone.
    expect((await codeStep(challenge, code)).json().error).toBe('challenge-expired');
    const second = (await passwordLogin(admin.email, admin.password)).json().challenge as string;
    expect((await codeStep(second, code)).json().error).toBe('second-factor-wrong');
    // A recovery code, typed in lower case with a space, works once.
    const recovery = recoveryCodes[0]!.toLowerCase().replace('-', ' ');
    expect((await codeStep(second, recovery)).statusCode).toBe(200);
    const third = (await passwordLogin(admin.email, admin.password)).json().challenge as string;
    expect((await codeStep(third, recovery)).json().error).toBe('second-factor-wrong');
    // Five wrong codes end a challenge (from other addresses: past the per-listener limit of 10 a minute).
    for (let i = 0; i < 4; i++) {
      clock += 20_000; // past the account's growing delay, so each wrong code is really checked
      expect((await codeStep(third, `00000${i}`, `127.8.0.${i + 1}`)).statusCode).toBe(401);
    }
    clock += 20_000;
    expect((await codeStep(third, totpCode(secret, new Date(clock)), '127.8.1.1')).json().error).toBe('challenge-expired');
  });

  test('removing TOTP needs the password; an organisation can require it of admins, and `npm run admin` can reset it', async () => {
    const { app, db, admin } = await start();
    expect((await admin.call('PUT', '/api/organisation/security', { requireAdminSecondFactor: true })).json().error).toBe('set-up-second-factor-first');
    await enableTotp(admin);
    const coach = await addCoach(admin);
    expect((await coach.call('PUT', '/api/organisation/security', { requireAdminSecondFactor: true })).statusCode).toBe(403);
    expect((await admin.call('PUT', '/api/organisation/security', { requireAdminSecondFactor: true })).json()).toEqual({ requireAdminSecondFactor: true });
    expect((await admin.call('POST', '/api/auth/second-factor/remove', { password: admin.password })).json().error).toBe('second-factor-required');

    // A second admin without a second factor may only set one up.
    expect((await admin.call('POST', '/api/trainers', { email: 'boss@atelier.test', password: 'copper whistle 3 dune', role: 'admin' })).statusCode).toBe(201);
    const boss = await login(app, admin.organisationId, 'boss@atelier.test', 'copper whistle 3 dune');
    expect((await boss.call('GET', '/api/auth/me')).json().trainer.secondFactorRequired).toBe(true);
    expect((await boss.call('GET', '/api/groups')).json().error).toBe('second-factor-required');
    await enableTotp(boss);
    expect((await boss.call('GET', '/api/groups')).statusCode).toBe(200);
    // A trainer (not an admin) is not bound by it, and removes theirs with the password.
    expect((await coach.call('GET', '/api/groups')).statusCode).toBe(200);
    await enableTotp(coach);
    expect((await coach.call('POST', '/api/auth/second-factor/remove', { password: 'wrong password here' })).json().error).toBe('current-password-wrong');
    expect((await coach.call('POST', '/api/auth/second-factor/remove', { password: 'green teapot 42 harbour' })).statusCode).toBe(204);

    // The locked-out admin: the CLI on the server's machine removes it and ends their sessions.
    const done = await resetSecondFactorByEmail(db, 'Boss@Atelier.test');
    expect(done).toMatchObject({ kind: 'reset', endedSessions: 1 });
    expect(await resetSecondFactorByEmail(db, 'nobody@atelier.test')).toEqual({ kind: 'not-found' });
    const again = await login(app, admin.organisationId, 'boss@atelier.test', 'copper whistle 3 dune');
    expect((await again.call('GET', '/api/auth/me')).json().trainer).toMatchObject({ secondFactor: false, secondFactorRequired: true });
  });
});
