import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let server: ChildProcess;
let output = '';
let dataDir = '';
let ports: { http: number; https: number };

/** The real `src/server/main.ts` process on loopback, free ports, a temp data folder. */
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-main-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HTTPS_PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-build') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ports = await new Promise((resolve, reject) => {
    server.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /werkvloer listening http=(\d+) https=(\d+)/.exec(output);
      if (m) resolve({ http: Number(m[1]), https: Number(m[2]) });
    });
    server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start’s server process', () => {
  test('prints where to open it on this computer and on a headset', () => {
    expect(output).toContain(`http://localhost:${ports.http}/`);
    expect(output).toMatch(new RegExp(`https://[^\\s]+:${ports.https}/`));
    expect(output).toContain('self-signed');
    expect(output).toContain('TLS_CERT');
  });

  test('prints where trainers open the dashboard and how to make the first account', () => {
    expect(output).toContain(`Trainer dashboard: http://localhost:${ports.http}/dashboard`);
    expect(output).toContain('npm run admin -- create-organisation --help');
  });

  test('answers health over plain HTTP', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.http}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: 'sqlite' });
    expect(existsSync(join(dataDir, 'werkvloer.sqlite'))).toBe(true);
  });

  test('answers over HTTPS with the self-signed certificate it made and kept', async () => {
    const { status, cert } = await new Promise<{ status: number; cert: string }>((resolve, reject) => {
      const req = httpsGet({ host: '127.0.0.1', port: ports.https, path: '/api/health', rejectUnauthorized: false }, (res) => {
        const peer = (res.socket as import('node:tls').TLSSocket).getPeerX509Certificate();
        res.resume();
        resolve({ status: res.statusCode ?? 0, cert: peer?.toString() ?? '' });
      });
      req.on('error', reject);
    });
    expect(status).toBe(200);
    const file = join(dataDir, 'tls/self-signed.crt');
    expect(existsSync(file)).toBe(true);
    const stored = new X509Certificate(readFileSync(file));
    expect(cert).toBe(stored.toString());
    expect(stored.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(stored.subjectAltName).toContain('DNS:localhost');
  });

  test('unknown API paths get a 404 that names them', async () => {
    const res = await fetch(`http://127.0.0.1:${ports.http}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).message).toContain('/api/nothing-here');
  });

  // Last: Ctrl-C reaches the server twice under `npm start` (terminal and start.mjs); it must still close cleanly.
  test('stops cleanly on a repeated SIGINT, with exit code 0', async () => {
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => server.once('exit', (code, signal) => r({ code, signal })));
    server.kill('SIGINT');
    server.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
