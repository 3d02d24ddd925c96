import { afterEach, describe, expect, test } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../../src/server/auth/password';
import { absoluteTimeoutMs, idleTimeoutMs } from '../../src/server/auth/trainer-sessions';
import { createOrganisation } from '../../src/server/organisations';
import { databaseKinds } from './support/databases';
import { cookieOf, organisationWithTrainer } from './support/trainers';
import { testApp } from './test-app';

/** A hash as the server wrote them before argon2id (scrypt, node:crypto): such rows exist in deployed databases. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 32768, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashes', () => {
  test('are salted argon2id in the PHC format at the OWASP cost, and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', dummyHash)).toBe(false);
  });

  test('old scrypt hashes still verify and are marked for an upgrade', async () => {
    const old = legacyScryptHash('correct horse battery');
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(await verifyPassword('wrong horse battery', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    // A weaker argon2id (a lower cost than today's) is upgraded too.
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
  });

  test('a tampered scrypt row with a huge cost is refused without running it', async () => {
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
  });
});

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('trainer login on %s', (kind) => {
  let clock = Date.parse('2026-11-26T09:00:00.000Z');
  const start = async () => {
    clock = Date.parse('2026-11-26T09:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    return t;
  };

  test('sets a __Host- cookie that is HttpOnly, Secure, SameSite=Strict and Path=/', async () => {
    const { app, db } = await start();
    await createOrganisation(db, { name: 'Atelier', email: 'Anna@Atelier.test', password: 'a long password', country: 'BE' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna@atelier.test', password: 'a long password' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ trainer: { email: 'anna@atelier.test', role: 'admin', organisation: { name: 'Atelier' } } });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^__Host-werkvloer-trainer=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('Secure');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Domain');
  });

  test('a wrong password and an unknown e-mail get the same 401, and no cookie', async () => {
    const { app, db } = await start();
    await createOrganisation(db, { name: 'Atelier', email: 'anna@atelier.test', password: 'a long password', country: 'BE' });
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna@atelier.test', password: 'not it at all' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bob@atelier.test', password: 'not it at all' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  test('unknown fields in the login body are refused, naming them', async () => {
    const { app } = await start();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.test', password: 'x', remember: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('remember');
  });

  test('the session id changes at login and the old cookie no longer works', async () => {
    const { app, db } = await start();
    const first = await organisationWithTrainer(app, db, 'Atelier');
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: first.cookie }, payload: { email: 'admin@atelier.test', password: first.password } });
    const second = cookieOf(again);
    expect(second).not.toBe(first.cookie);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(200);
  });

  test('after logout the session is refused', async () => {
    const { app, db } = await start();
    const trainer = await organisationWithTrainer(app, db, 'Atelier');
    expect((await trainer.call('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await trainer.call('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  test('an idle session times out; an active one lasts until the absolute limit', async () => {
    const { app, db } = await start();
    const trainer = await organisationWithTrainer(app, db, 'Atelier');
    clock += idleTimeoutMs - 60_000;
    expect((await trainer.call('GET', '/api/auth/me')).statusCode).toBe(200);
    // Kept alive every hour and a half, it still ends at the absolute limit.
    while (clock + 90 * 60_000 < Date.parse('2026-11-26T09:00:00.000Z') + absoluteTimeoutMs) {
      clock += 90 * 60_000;
      expect((await trainer.call('GET', '/api/auth/me')).statusCode).toBe(200);
    }
    clock = Date.parse('2026-11-26T09:00:00.000Z') + absoluteTimeoutMs + 1;
    expect((await trainer.call('GET', '/api/auth/me')).statusCode).toBe(401);

    const idle = await organisationWithTrainer(app, db, 'Werkplaats');
    clock += idleTimeoutMs + 1;
    expect((await idle.call('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  test('a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const { app, db } = await start();
    const trainer = await organisationWithTrainer(app, db, 'Atelier');
    for (const headers of [{ cookie: trainer.cookie }, { cookie: trainer.cookie, 'x-csrf-token': 'forged' }]) {
      const res = await app.inject({ method: 'POST', url: '/api/groups', headers, payload: { name: 'Sneaky' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('csrf-token-invalid');
    }
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: trainer.cookie } });
    expect(logout.statusCode).toBe(403);
    expect(await db.selectFrom('groups').selectAll().execute()).toHaveLength(0);
    expect((await trainer.call('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  test('a trainer with an old scrypt hash logs in, and the hash is replaced by argon2id', async () => {
    const { app, db } = await start();
    const { trainerId } = await createOrganisation(db, { name: 'Atelier', email: 'anna@atelier.test', password: 'a long password', country: 'BE' });
    await db.updateTable('trainers').set({ password_hash: legacyScryptHash('a long password') }).where('id', '=', trainerId).execute();
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna@atelier.test', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect((await db.selectFrom('trainers').select('password_hash').executeTakeFirstOrThrow()).password_hash).toMatch(/^scrypt\$/);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna@atelier.test', password: 'a long password' } });
    expect(res.statusCode).toBe(200);
    const stored = (await db.selectFrom('trainers').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('a long password', stored)).toBe(true);
    // And the new hash logs in as well.
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna@atelier.test', password: 'a long password' } })).statusCode).toBe(200);
  });

  test('the logged-out cookie stays refused on every kind of request, and logout is not replayable', async () => {
    const { app, db } = await start();
    const trainer = await organisationWithTrainer(app, db, 'Atelier');
    expect((await trainer.call('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await trainer.call('POST', '/api/groups', { name: 'After logout' })).statusCode).toBe(401);
    expect((await trainer.call('POST', '/api/auth/logout')).statusCode).toBe(401);
    expect(await db.selectFrom('groups').selectAll().execute()).toHaveLength(0);
    expect(await db.selectFrom('trainer_sessions').selectAll().execute()).toHaveLength(0);
  });

  test('login attempts are rate-limited with 429 and Retry-After', async () => {
    const { app } = await start();
    // A new account each time: this is the per-address limit; the per-account one is tested in login-throttle.test.ts.
    let n = 0;
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${n++}@y.test`, password: 'guess guess' } });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toBe('too-many-requests');
  });
});
