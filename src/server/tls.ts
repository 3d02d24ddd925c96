import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** 'provided' (TLS_CERT/TLS_KEY) or 'self-signed' (made here). */
  source: 'provided' | 'self-signed';
  file: string;
  /** True when the self-signed certificate was made on this start (headsets will warn again). */
  made: boolean;
}

interface Meta {
  altNames: string[];
}

/**
 * The certificate for the LAN port: a headset's browser offers WebXR only on a secure origin.
 * A centre's own trusted certificate wins; otherwise one is made once and reused, and made again
 * when the machine's addresses changed (the old one would no longer match).
 */
export async function loadTls(opts: { dataDir: string; certFile?: string; keyFile?: string; hostnames: string[]; ips: string[] }): Promise<TlsMaterial> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error('set both TLS_CERT and TLS_KEY (PEM files), or neither');
    for (const f of [opts.certFile, opts.keyFile]) if (!existsSync(f)) throw new Error(`TLS file not found: ${f}`);
    return { cert: readFileSync(opts.certFile, 'utf8'), key: readFileSync(opts.keyFile, 'utf8'), source: 'provided', file: opts.certFile, made: false };
  }
  const dir = join(opts.dataDir, 'tls');
  const certPath = join(dir, 'self-signed.crt');
  const keyPath = join(dir, 'self-signed.key');
  const metaPath = join(dir, 'self-signed.json');
  const altNames = [...new Set(['localhost', ...opts.hostnames, '127.0.0.1', ...opts.ips])].sort();
  if (existsSync(certPath) && existsSync(keyPath) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    const cert = readFileSync(certPath, 'utf8');
    // A month's margin, so a headset never meets an expired certificate between two restarts.
    const fresh = Date.parse(new X509Certificate(cert).validTo) > Date.now() + 30 * 24 * 3600 * 1000;
    if (fresh && altNames.every((n) => meta.altNames.includes(n))) {
      return { cert, key: readFileSync(keyPath, 'utf8'), source: 'self-signed', file: certPath, made: false };
    }
  }
  const isIp = (n: string) => /^[0-9.]+$/.test(n) || n.includes(':');
  const pems = await generate([{ name: 'commonName', value: 'werkvloer' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 825 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: altNames.map((n) => (isIp(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(metaPath, JSON.stringify({ altNames } satisfies Meta, null, 2));
  return { cert: pems.cert, key: pems.private, source: 'self-signed', file: certPath, made: true };
}
