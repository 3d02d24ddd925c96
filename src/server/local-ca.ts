import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface LocalCaFiles {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  /** False when an existing authority was reused: devices that trust it need nothing new. */
  caMade: boolean;
  altNames: string[];
  serverValidTo: string;
}

const day = 24 * 3600 * 1000;
const isIp = (n: string) => /^[0-9.]+$/.test(n) || n.includes(':');

/**
 * `npm run cert`: a certificate authority of this centre's own (made once, kept: the trainer PC and
 * the headsets install it once) and a server certificate it signs for this machine's names and LAN
 * addresses (made again on every run, so a new address only needs `npm run cert` and a restart).
 * The server certificate lasts 397 days: browsers refuse longer-lived server certificates.
 */
export async function makeLocalCa(opts: { dir: string; hostnames: string[]; ips: string[]; now?: Date }): Promise<LocalCaFiles> {
  const now = opts.now ?? new Date();
  const files = {
    caCert: join(opts.dir, 'werkvloer-ca.crt'),
    caKey: join(opts.dir, 'werkvloer-ca.key'),
    serverCert: join(opts.dir, 'server.crt'),
    serverKey: join(opts.dir, 'server.key'),
  };
  mkdirSync(opts.dir, { recursive: true });
  let caMade = false;
  const caUsable = () => {
    if (!existsSync(files.caCert) || !existsSync(files.caKey)) return false;
    const ca = new X509Certificate(readFileSync(files.caCert));
    return ca.ca && Date.parse(ca.validTo) > now.getTime() + 400 * day;
  };
  if (!caUsable()) {
    const ca = await generate(
      [
        { name: 'commonName', value: 'werkvloer local CA' },
        { name: 'organizationName', value: 'werkvloer' },
      ],
      {
        keySize: 2048,
        algorithm: 'sha256',
        notBeforeDate: now,
        notAfterDate: new Date(now.getTime() + 10 * 365 * day),
        extensions: [
          { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ],
      },
    );
    writeFileSync(files.caKey, ca.private, { mode: 0o600 });
    writeFileSync(files.caCert, ca.cert);
    caMade = true;
  }
  const altNames = [...new Set(['localhost', ...opts.hostnames, '127.0.0.1', ...opts.ips])];
  const server = await generate([{ name: 'commonName', value: opts.hostnames[0] ?? 'werkvloer' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + 397 * day),
    ca: { key: readFileSync(files.caKey, 'utf8'), cert: readFileSync(files.caCert, 'utf8') },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: altNames.map((n) => (isIp(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  writeFileSync(files.serverKey, server.private, { mode: 0o600 });
  writeFileSync(files.serverCert, server.cert);
  return { dir: opts.dir, ...files, caMade, altNames, serverValidTo: new X509Certificate(server.cert).validTo };
}
