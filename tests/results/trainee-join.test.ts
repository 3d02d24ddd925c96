// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { joinWithCode, normaliseJoinCode } from '../../src/results/join-client';
import { forgetTrainee, joinCodeFromUrl, readTrainee, saveTrainee, traineeKey } from '../../src/results/trainee-identity';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('join codes as trainees type them', () => {
  test('spaces, dashes and lower case are forgiven; anything else is a format problem, sent nowhere', async () => {
    expect(normaliseJoinCode(' k7mx-4qpa ')).toBe('K7MX4QPA');
    expect(normaliseJoinCode('k7 mx 4q pa')).toBe('K7MX4QPA');
    for (const bad of ['', 'ab', 'K7MX!4QP', 'K7MX.4QP', 'X'.repeat(21), '<script>']) expect(normaliseJoinCode(bad)).toBeNull();
    const sent: string[] = [];
    const answer = await joinWithCode('ab!', async (url) => {
      sent.push(String(url));
      return json(201, {});
    });
    expect(answer).toEqual({ kind: 'problem', problem: 'format' });
    expect(sent).toEqual([]);
  });

  test('the server\'s answers become the identity or a named problem', async () => {
    const bodies: unknown[] = [];
    const ok = await joinWithCode('k7mx-4qpa', async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return json(201, { token: 'tok', expiresAt: '2030-01-01T00:00:00.000Z', trainee: { code: 'K7MX-4Q' } });
    });
    expect(bodies).toEqual([{ code: 'K7MX4QPA' }]);
    expect(ok).toEqual({ kind: 'joined', identity: { token: 'tok', code: 'K7MX-4Q', expiresAt: '2030-01-01T00:00:00.000Z' } });
    const problem = async (f: typeof fetch) => {
      const a = await joinWithCode('K7MX4QPA', f);
      return a.kind === 'problem' ? a.problem : a.kind;
    };
    expect(await problem(async () => json(404, { error: 'join-code-unknown' }))).toBe('unknown');
    expect(await problem(async () => json(429, { error: 'too-many-requests' }))).toBe('too-many');
    expect(await problem(async () => json(503, {}))).toBe('server');
    expect(await problem(async () => json(201, { token: 'tok' }))).toBe('server');
    expect(
      await problem(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe('offline');
  });
});

describe('the trainee signed in on this device', () => {
  afterEach(() => localStorage.clear());

  test('kept until "next trainee"; an expired or damaged entry counts as nobody', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(readTrainee(now)).toBeNull();
    saveTrainee({ token: 'tok', code: 'K7MX-4Q', expiresAt: '2026-12-26T12:00:00.000Z' });
    expect(readTrainee(now)).toEqual({ token: 'tok', code: 'K7MX-4Q', expiresAt: '2026-12-26T12:00:00.000Z' });
    expect(readTrainee(Date.parse('2026-12-27T00:00:00Z'))).toBeNull();
    forgetTrainee();
    expect(readTrainee(now)).toBeNull();
    localStorage.setItem(traineeKey, '{not json');
    expect(readTrainee(now)).toBeNull();
    localStorage.setItem(traineeKey, JSON.stringify({ token: '', code: 'X', expiresAt: '2030-01-01T00:00:00Z' }));
    expect(readTrainee(now)).toBeNull();
  });

  test('the QR card\'s address carries the join code', () => {
    expect(joinCodeFromUrl('?join=K7MX4QPA')).toBe('K7MX4QPA');
    expect(joinCodeFromUrl('?emulate=quest3&join=%20k7mx%20')).toBe('k7mx');
    expect(joinCodeFromUrl('?join=')).toBeNull();
    expect(joinCodeFromUrl('')).toBeNull();
  });
});
