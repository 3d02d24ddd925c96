import { afterEach, describe, expect, test } from 'vitest';
import { readSettings } from '../../../src/server/settings';
import { organisationWithTrainer } from '../support/trainers';
import { testApp } from '../test-app';

/** Issue 21: on a centre's server a trainee signs in before playing, unless the centre allows anonymous practice. */
describe('GET /api/practice-policy', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  test('a server without an organisation has nobody to sign in to: anyone plays', async () => {
    const t = await testApp();
    close = () => t.close();
    const res = await t.app.inject({ method: 'GET', url: '/api/practice-policy' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ centre: false, anonymousPractice: false, signInFirst: false });
  });

  test("a centre's server asks to sign in first", async () => {
    const t = await testApp();
    close = () => t.close();
    await organisationWithTrainer(t.app, t.db, 'Opleidingscentrum');
    expect((await t.app.inject({ method: 'GET', url: '/api/practice-policy' })).json()).toEqual({ centre: true, anonymousPractice: false, signInFirst: true });
  });

  test('ANONYMOUS_PRACTICE=on lets anyone practise on a centre’s server', async () => {
    const t = await testApp({ app: { anonymousPractice: true } });
    close = () => t.close();
    await organisationWithTrainer(t.app, t.db, 'Opleidingscentrum');
    expect((await t.app.inject({ method: 'GET', url: '/api/practice-policy' })).json()).toEqual({ centre: true, anonymousPractice: true, signInFirst: false });
  });
});

describe('ANONYMOUS_PRACTICE', () => {
  test('off by default; "on" and "off" are read', () => {
    expect(readSettings({}).anonymousPractice).toBe(false);
    expect(readSettings({ ANONYMOUS_PRACTICE: 'off' }).anonymousPractice).toBe(false);
    expect(readSettings({ ANONYMOUS_PRACTICE: 'on' }).anonymousPractice).toBe(true);
  });
  test.each(['yes', 'true', '1', 'ON'])('"%s" stops the start, naming the variable and its values', (v) => {
    expect(() => readSettings({ ANONYMOUS_PRACTICE: v })).toThrow(/ANONYMOUS_PRACTICE must be "on" .* or "off"/);
  });
});
