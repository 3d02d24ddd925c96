import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadTls } from '../../src/server/tls';

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-tls-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const lan = { hostnames: ['werkplaats-pc'], ips: ['192.168.1.20'] };

describe('the HTTPS certificate', () => {
  test('is made once with every name a headset may use, then reused', async () => {
    const first = await loadTls({ dataDir, ...lan });
    expect(first).toMatchObject({ source: 'self-signed', made: true, file: join(dataDir, 'tls/self-signed.crt') });
    const san = new X509Certificate(first.cert).subjectAltName ?? '';
    for (const name of ['DNS:localhost', 'DNS:werkplaats-pc', 'IP Address:127.0.0.1', 'IP Address:192.168.1.20']) expect(san).toContain(name);
    const again = await loadTls({ dataDir, ...lan });
    expect(again.made).toBe(false);
    expect(again.cert).toBe(first.cert);
  });

  test('is made again when the machine got another LAN address', async () => {
    const first = await loadTls({ dataDir, ...lan });
    const moved = await loadTls({ dataDir, ...lan, ips: ['10.0.0.7'] });
    expect(moved.made).toBe(true);
    expect(moved.cert).not.toBe(first.cert);
    expect(new X509Certificate(moved.cert).subjectAltName).toContain('IP Address:10.0.0.7');
  });

  test('a centre’s own certificate is used as given, and half of it is refused', async () => {
    const made = await loadTls({ dataDir, ...lan });
    const certFile = join(dataDir, 'centre.crt');
    const keyFile = join(dataDir, 'centre.key');
    writeFileSync(certFile, made.cert);
    writeFileSync(keyFile, made.key);
    expect(await loadTls({ dataDir, certFile, keyFile, ...lan })).toMatchObject({ source: 'provided', file: certFile, cert: made.cert });
    await expect(loadTls({ dataDir, certFile, ...lan })).rejects.toThrow(/TLS_CERT and TLS_KEY/);
    await expect(loadTls({ dataDir, certFile, keyFile: join(dataDir, 'missing.key'), ...lan })).rejects.toThrow(/missing\.key/);
  });
});
