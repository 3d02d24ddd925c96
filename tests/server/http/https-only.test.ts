import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { createDb } from '../../../src/server/db/create-db';
import { ScenarioCatalog, readScenes } from '../../../src/server/scenario-catalog';
import { readSettings } from '../../../src/server/settings';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { root, sessionBody, testApp } from '../test-app';

const lan = '192.168.1.20';
const proxy = '10.0.0.5';

/** Issue 18, item 6: the trainer's password and cookie never cross the LAN over plain HTTP. */
describe('trainer routes are HTTPS-only from other computers', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let token = '';

  beforeAll(async () => {
    t = await testApp({ app: { trustedProxies: ['10.0.0.0/24'], httpsPort: () => 8443 } });
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    token = (await joinedTrainee(t.app, trainer)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  test.each(['/dashboard', '/dashboard/sessions?group=1', '/dashboard.html', '/api/auth/me', '/api/dashboard/sessions', '/api/sessions', '/api/groups'])('GET %s from the LAN over HTTP is redirected to the HTTPS port', async (url) => {
    const res = await t.app.inject({ method: 'GET', url, remoteAddress: lan, headers: { host: '192.168.1.2:8080' } });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe(`https://192.168.1.2:8443${url}`);
  });

  test('a login sent over HTTP from the LAN is refused, not answered', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: lan, headers: { host: '192.168.1.2:8080' }, payload: { email: trainer.email, password: trainer.password } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'https-required', message: expect.stringContaining('https://192.168.1.2:8443') });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('the same from this computer (localhost, IPv4 and IPv6) is served as before', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress, headers: { cookie: trainer.cookie } });
      expect(me.statusCode, remoteAddress).toBe(200);
    }
  });

  test('headset routes stay on plain HTTP too: join, upload, assignments, health', async () => {
    const headers = { host: '192.168.1.2:8080', authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: lan })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/trainee/assignments', remoteAddress: lan, headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/sessions', remoteAddress: lan, headers, payload: sessionBody({ id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/join', remoteAddress: lan, payload: { code: 'ABCD2345' } })).json().error).toBe('join-code-unknown');
  });

  test('X-Forwarded-Proto counts only from TRUSTED_PROXIES', async () => {
    const fromProxy = await t.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: proxy, headers: { cookie: trainer.cookie, 'x-forwarded-proto': 'https', 'x-forwarded-for': lan } });
    expect(fromProxy.statusCode).toBe(200);
    // A LAN client claiming https itself is still on plain HTTP.
    const spoofed = await t.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: lan, headers: { cookie: trainer.cookie, host: '192.168.1.2:8080', 'x-forwarded-proto': 'https' } });
    expect(spoofed.statusCode).toBe(308);
    // Nor can it pretend to be localhost.
    const fakeLocal = await t.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: lan, headers: { cookie: trainer.cookie, host: '192.168.1.2:8080', 'x-forwarded-for': '127.0.0.1' } });
    expect(fakeLocal.statusCode).toBe(308);
  });

  test('behind a trusted proxy, plain http is sent to the proxy\'s own https address, and its client counts, not the proxy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/dashboard', remoteAddress: proxy, headers: { host: 'werkvloer.example.org', 'x-forwarded-proto': 'http', 'x-forwarded-for': lan } });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('https://werkvloer.example.org/dashboard');
    // A trusted proxy on this machine that forwards a LAN client does not make it local.
    const local = await testApp({ app: { trustedProxies: ['127.0.0.1'], httpsPort: () => 8443 } });
    try {
      const viaLocalProxy = await local.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: '127.0.0.1', headers: { host: 'pc:8080', 'x-forwarded-for': lan, 'x-forwarded-proto': 'http' } });
      expect(viaLocalProxy.statusCode).toBe(308);
    } finally {
      await local.close();
    }
  });

  test('with HTTPS_PORT off there is nowhere to redirect: refused with what to do', async () => {
    const off = await testApp({ app: { httpsPort: () => null } });
    try {
      const res = await off.app.inject({ method: 'GET', url: '/dashboard', remoteAddress: lan });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('HTTPS_PORT');
    } finally {
      await off.close();
    }
  });
});

describe('TRUSTED_PROXIES setting', () => {
  test('addresses and CIDR ranges, comma-separated; anything else stops the start with the entry named', () => {
    expect(readSettings({ TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8' }).trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8']);
    expect(readSettings({}).trustedProxies).toEqual([]);
    expect(() => readSettings({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33" has a prefix length/);
    expect(() => readSettings({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES: "proxy.local" is not an IP address/);
  });
});

/** A raw request line as a browser or curl may send it: nothing normalises the path on the way. */
function rawGet(port: number, path: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: 'werkvloer.lan:8080', 'x-forwarded-for': lan, 'x-forwarded-proto': 'http', ...(body ? { 'content-type': 'application/json' } : {}) };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a spelled-differently path is judged as the router and the files read it (issue 18 item 6)', () => {
  test('percent-encoded, doubled slashes and dot segments reach no trainer page or route over plain HTTP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-https-only-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>trainee app</title>');
    writeFileSync(join(dir, 'dashboard.html'), '<!doctype html><title>dashboard</title>');
    const opened = await createDb({ dataDir: join(dir, 'data') });
    // The LAN client arrives through a proxy on this machine: its address is the LAN's, its scheme plain http.
    const app = await buildApp({ db: opened.db, catalog: await ScenarioCatalog.open(opened.db, readScenes(root)), staticDir: dir, trustedProxies: ['127.0.0.1'], httpsPort: () => 8443 });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const port = (app.server.address() as { port: number }).port;
      for (const path of ['/%64ashboard.html', '/dashboard%2Ehtml', '//dashboard.html', '/./dashboard.html', '/x/../dashboard.html', '/%61pi/groups', '/api/trainee%2F..%2Fgroups', '/%61pi/auth/me']) {
        const res = await rawGet(port, path);
        expect(res.status, path).toBe(308);
        expect(res.body, path).not.toContain('dashboard</title>');
      }
      const login = await rawGet(port, '/%61pi/auth/login', 'POST', JSON.stringify({ email: 'a@b.test', password: 'blue kettle 1 orchard' }));
      expect(login.status).toBe(403);
      expect(JSON.parse(login.body)).toMatchObject({ error: 'https-required' });
      // The headset's routes and the trainee app stay on plain HTTP, however spelled.
      expect((await rawGet(port, '/api/health')).status).toBe(200);
      expect((await rawGet(port, '/%61pi/health')).status).toBe(200);
      expect((await rawGet(port, '/')).body).toContain('trainee app');
    } finally {
      await app.close();
      await opened.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
