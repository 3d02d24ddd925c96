import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../test-app';

/** Issue 18, item 11: Fastify's own early refusals look like every other answer. */
describe('a malformed URL', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let helmetHeaders: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await testApp();
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    helmetHeaders = Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy'].map((h) => [h, health.headers[h]]));
  });
  afterAll(async () => {
    await t.close();
  });

  test.each(['/api/%zz', '/%E0%A4%A', '/api/sessions/%'])('%s: 400 {error, message} with the same security headers as a routed answer', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'bad-url', message: expect.stringContaining('could not be decoded') });
    for (const [name, value] of Object.entries(helmetHeaders)) {
      expect(value, `${name} on /api/health`).toBeTruthy();
      expect(res.headers[name], name).toBe(value);
    }
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
