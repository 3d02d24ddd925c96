import { afterEach, describe, expect, test } from 'vitest';
import { accountRule, addressKey, addressRule, claimAttempt, delayAfter, returnAttempt } from '../../../src/server/auth/login-throttle';
import { createOrganisation } from '../../../src/server/organisations';
import { databaseKinds } from '../support/databases';
import { testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

test('delays grow from 1 s to a one-minute ceiling, never a lockout', () => {
  expect([4, 5, 6, 7, 10, 20].map((n) => delayAfter(n, accountRule))).toEqual([0, 1000, 2000, 4000, 32_000, 60_000]);
});

describe.each(databaseKinds)('login throttling on %s', (kind) => {
  const password = 'blue kettle 7 orchard';
  let clock = 0;
  const start = async () => {
    clock = Date.parse('2026-12-06T09:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    await createOrganisation(t.db, { name: 'Atelier', email: 'anna@atelier.test', password, country: 'BE' });
    return t;
  };
  const login = (ip: string, pw: string, cookie?: string) =>
    t!.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email: 'anna@atelier.test', password: pw }, ...(cookie ? { headers: { cookie } } : {}) });

  test('250 addresses guessing one account get 5 guesses checked, not 1,250; the rest wait with Retry-After', async () => {
    await start();
    const counts = { 401: 0, 429: 0 } as Record<number, number>;
    let last = null as Awaited<ReturnType<typeof login>> | null;
    for (let round = 0; round < 5; round++) {
      for (let a = 0; a < 250; a++) {
        last = await login(`127.0.${a}.${round + 1}`, `guess ${round}-${a}`);
        counts[last.statusCode] = (counts[last.statusCode] ?? 0) + 1;
      }
    }
    expect(counts).toEqual({ 401: 5, 429: 1245 });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // The account is delayed, not locked: a minute later the owner is let in.
    expect((await login('127.9.9.9', password)).statusCode).toBe(429);
    clock += 60_000;
    expect((await login('127.9.9.9', password)).statusCode).toBe(200);
    // 1,251 requests through the whole stack: more than the default 30 s on a busy 2-core machine.
  }, 180_000);

  test('the owner at a browser that logged in before is not slowed by the guesses of others', async () => {
    await start();
    const first = await login('127.1.1.1', password);
    expect(first.statusCode).toBe(200);
    const device = String(first.headers['set-cookie']).match(/__Host-werkvloer-device=[^;]+/)![0];
    for (let i = 0; i < 20; i++) await login(`127.2.0.${i + 1}`, `wrong ${i}`);
    expect((await login('127.2.1.1', password)).statusCode).toBe(429);
    expect((await login('127.1.1.1', password, device)).statusCode).toBe(200);
  });

  test('the count is in the database: a second instance on the same data sees the first one\'s attempts', async () => {
    await start();
    for (let i = 0; i < 5; i++) expect((await login(`127.3.0.${i + 1}`, `wrong ${i}`)).statusCode).toBe(401);
    const other = await testApp({ reuse: t!.storage, now: () => new Date(clock) });
    try {
      const res = await other.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.3.1.1', payload: { email: 'anna@atelier.test', password } });
      expect(res.statusCode).toBe(429);
    } finally {
      await other.stop();
    }
  });

  test('60 guesses sent at the same instant from 60 addresses: still only 5 checked (the claim is a compare-and-set)', async () => {
    await start();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`127.5.0.${i + 1}`, `parallel guess ${i}`)));
    const statuses = answers.map((a) => a.statusCode);
    // Claims that lose the race are told to wait too: fewer than 5 may be checked, never more.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checked);
  });

  test('one address making many failures is delayed; colleagues behind it logging in do not count', async () => {
    await start();
    const db = t!.db;
    const key = addressKey('127.4.0.1');
    const at = () => new Date(clock);
    // Forty colleagues behind one NAT log in: each success takes its attempt back.
    for (let i = 0; i < 40; i++) {
      expect((await claimAttempt(db, key, addressRule, at())).ok).toBe(true);
      await returnAttempt(db, key);
    }
    // Then someone there fails 30 times (over a few minutes): free; the 31st waits.
    const claims = [];
    for (let i = 0; i < 31; i++) {
      claims.push(await claimAttempt(db, key, addressRule, at()));
      clock += 1000;
    }
    expect(claims.filter((c) => c.ok)).toHaveLength(31);
    const refused = await claimAttempt(db, key, addressRule, at());
    expect(refused).toEqual({ ok: false, retryAfterMs: 1000 });
    // An hour of quiet forgets the count.
    clock += 60 * 60_000 + 1;
    expect(await claimAttempt(db, key, addressRule, at())).toEqual({ ok: true, attempts: 1, delayMs: 0 });
  });
});
