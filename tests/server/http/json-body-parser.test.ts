import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { maxJsonNesting } from '../../../src/server/http/json-nesting';
import { organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { sessionBody, testApp } from '../test-app';

const bomb = '['.repeat(900_000) + ']'.repeat(900_000);

describe('deeply nested JSON (issue 18, item 1)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let base = '';
  let trainer: LoggedIn;

  beforeAll(async () => {
    t = await testApp();
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  test('20 copies of the 1.8 MB [×900,000 ]×900,000 body beside 20 health checks: every body is refused before JSON.parse sees it, every health check answers', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const bombs = Array.from({ length: 20 }, () => fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bomb }));
      const health = Array.from({ length: 20 }, () => fetch(`${base}/api/health`));
      const [refused, healthy] = await Promise.all([Promise.all(bombs), Promise.all(health)]);
      for (const res of refused) {
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: string; message: string };
        expect(body.error).toBe('json-too-deep');
        expect(body.message).toContain(`deeper than ${maxJsonNesting} levels`);
        // The same headers as every other answer.
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      }
      for (const res of healthy) expect(res.status).toBe(200);
      // The count that matters: the recursive parse that stalled the server never ran on a bomb.
      const bigParses = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= bomb.length);
      expect(bigParses).toHaveLength(0);
    } finally {
      parse.mockRestore();
    }
  });

  test('every route with a JSON body refuses 33 levels and takes 32 to its own validation', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const routes: { method: 'POST' | 'PUT'; url: string }[] = [
      { method: 'POST', url: '/api/sessions' },
      { method: 'POST', url: '/api/join' },
      { method: 'POST', url: '/api/auth/login' },
      { method: 'POST', url: '/api/groups' },
      { method: 'PUT', url: '/api/organisation' },
      { method: 'POST', url: '/api/trainers' },
    ];
    for (const { method, url } of routes) {
      const headers = { cookie: trainer.cookie, 'x-csrf-token': trainer.csrfToken, 'content-type': 'application/json' };
      const tooDeep = await t.app.inject({ method, url, headers, payload: deep(maxJsonNesting + 1) });
      expect(tooDeep.statusCode, url).toBe(400);
      expect(tooDeep.json().error, url).toBe('json-too-deep');
      const deepEnough = await t.app.inject({ method, url, headers, payload: deep(maxJsonNesting) });
      expect(deepEnough.json().error, url).not.toBe('json-too-deep');
    }
  });

  test('a real upload (nesting 3) and prototype poisoning are judged as before', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody({ id: '6f1d2b9e-8c3a-4e57-9b0d-2a4c6e8f1a3b' }) });
    expect(ok.statusCode).toBe(201);
    const poisoned = await t.app.inject({ method: 'POST', url: '/api/join', headers: { 'content-type': 'application/json' }, payload: '{"code":"ABCD2345","__proto__":{"x":1}}' });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error).toBe('invalid-json');
  });
});
