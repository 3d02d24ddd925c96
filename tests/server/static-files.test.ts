import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import type { Database } from '../../src/server/db/schema';
import { ScenarioCatalog, readScenes } from '../../src/server/scenario-catalog';
import { root } from './test-app';

let app: FastifyInstance;
let db: Kysely<Database>;
let staticDir = '';
// Large enough to be compressed (over the 1 KB threshold).
const script = `console.log(${JSON.stringify('werkvloer '.repeat(400))});\n`;

/** A stand-in for dist/app: the server's caching and fallback rules do not depend on what vite built. */
beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'werkvloer-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>werkvloer</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(staticDir, 'assets/index-abc123.js'), script);
  db = (await createDb({ dataDir: join(staticDir, 'data') })).db;
  app = await buildApp({ db, catalog: await ScenarioCatalog.open(db, readScenes(root)), staticDir });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
  rmSync(staticDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('serving the built app', () => {
  test('index.html is revalidated on every load, with a CSP that allows only this server', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>werkvloer</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    // No other host may appear anywhere in the policy.
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  test('hashed assets are cached for a year and sent gzipped to a browser that accepts it', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  test('client-side routes get the app; missing files and API paths get a JSON 404', async () => {
    const page = await get('/station/wood-intro-workbench');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>werkvloer</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    for (const url of ['/assets/gone-123.js', '/api/nothing']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not-found' });
    }
  });

  test('the API answers beside the app', async () => {
    expect((await get('/api/health')).json()).toMatchObject({ ok: true, db: 'sqlite' });
  });
});
