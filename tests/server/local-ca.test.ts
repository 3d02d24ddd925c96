import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, test } from 'vitest';
import { makeLocalCa } from '../../src/server/local-ca';

/** A TLS handshake to 127.0.0.1 trusting only `ca`: what a headset with the authority installed does. */
async function handshake(ca: string, cert: string, key: string): Promise<{ authorized: boolean; error: string | null }> {
  const server = createServer({ cert, key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, ca, rejectUnauthorized: false }, () => {
        resolve({ authorized: socket.authorized, error: socket.authorizationError ? String(socket.authorizationError) : null });
        socket.end();
      });
      socket.on('error', (e) => resolve({ authorized: false, error: String(e) }));
    });
  } finally {
    server.close();
  }
}

describe('npm run cert: a local certificate authority and a server certificate for the LAN', () => {
  const dir = mkdtempSync(join(tmpdir(), 'werkvloer-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the server certificate verifies against the authority and names the LAN address; a TLS client trusting only the authority accepts it', async () => {
    const made = await makeLocalCa({ dir, hostnames: ['trainer-pc', 'trainer-pc.local'], ips: ['192.168.1.23'] });
    expect(made.caMade).toBe(true);
    const ca = new X509Certificate(readFileSync(made.caCert));
    const server = new X509Certificate(readFileSync(made.serverCert));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('192.168.1.23')).toBe('192.168.1.23');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('trainer-pc.local')).toBe('trainer-pc.local');
    expect(server.checkIP('192.168.1.24')).toBeUndefined();
    // Browsers refuse server certificates that live longer than 398 days.
    expect(Date.parse(server.validTo) - Date.parse(server.validFrom)).toBeLessThanOrEqual(398 * 24 * 3600 * 1000);
    expect(statSync(made.caKey).mode & 0o077).toBe(0);
    expect(statSync(made.serverKey).mode & 0o077).toBe(0);

    const caPem = readFileSync(made.caCert, 'utf8');
    expect(await handshake(caPem, readFileSync(made.serverCert, 'utf8'), readFileSync(made.serverKey, 'utf8'))).toEqual({ authorized: true, error: null });
  });

  test('a second run keeps the authority (devices need nothing new) and signs a new server certificate for a new address', async () => {
    const caBefore = readFileSync(join(dir, 'werkvloer-ca.crt'), 'utf8');
    const made = await makeLocalCa({ dir, hostnames: ['trainer-pc'], ips: ['10.0.0.7'] });
    expect(made.caMade).toBe(false);
    expect(readFileSync(made.caCert, 'utf8')).toBe(caBefore);
    const server = new X509Certificate(readFileSync(made.serverCert));
    expect(server.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(server.verify(new X509Certificate(caBefore).publicKey)).toBe(true);
    // A certificate the authority did not sign is refused by the same client.
    const stranger = await makeLocalCa({ dir: join(dir, 'other'), hostnames: [], ips: [] });
    const refused = await handshake(caBefore, readFileSync(stranger.serverCert, 'utf8'), readFileSync(stranger.serverKey, 'utf8'));
    expect(refused.authorized).toBe(false);
    expect(refused.error).toMatch(/^(CERT_SIGNATURE_FAILURE|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
  });
});
