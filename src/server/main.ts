import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import { buildApp } from './app';
import { createDb } from './db/create-db';
import { lanAddresses, machineName } from './lan-addresses';
import { InvalidScenesError, ScenarioCatalog, readScenes } from './scenario-catalog';
import { readSettings, repoRoot } from './settings';
import { loadTls } from './tls';

/** `npm start`: one process serves the app and the API on plain HTTP (this PC) and HTTPS (headsets). */
async function main() {
  const settings = readSettings(process.env);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const current = readScenes(repoRoot, settings.scenesDir);
  const opened = await createDb({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const catalog = await ScenarioCatalog.open(opened.db, current);
  const appOptions = { db: opened.db, dbKind: opened.kind, catalog, staticDir: settings.staticDir, logger: settings.log, version };

  const servers: Array<{ close(): Promise<unknown> }> = [];
  let httpPort: number | null = null;
  let httpsPort: number | null = null;
  if (settings.httpPort !== null) {
    const app = await buildApp(appOptions);
    await app.listen({ host: settings.host, port: settings.httpPort });
    httpPort = (app.server.address() as AddressInfo).port;
    servers.push(app);
  }
  const ips = lanAddresses();
  let tlsSource: 'provided' | 'self-signed' | null = null;
  if (settings.httpsPort !== null) {
    const tls = await loadTls({ dataDir: settings.dataDir, certFile: settings.tlsCert, keyFile: settings.tlsKey, hostnames: [machineName()], ips });
    tlsSource = tls.source;
    const app = await buildApp({ ...appOptions, https: { cert: tls.cert, key: tls.key } });
    await app.listen({ host: settings.host, port: settings.httpsPort });
    httpsPort = (app.server.address() as AddressInfo).port;
    servers.push(app);
  }

  console.log(`werkvloer ${version}: ${current.length} station(s), database ${opened.kind} (${opened.location})`);
  if (httpPort !== null) console.log(`  on this computer:  http://localhost:${httpPort}/`);
  if (httpsPort !== null) {
    const urls = (ips.length > 0 ? ips : ['localhost']).map((ip) => `https://${ip}:${httpsPort}/`);
    for (const url of urls) console.log(`  on a headset:      ${url}`);
    if (tlsSource === 'self-signed') {
      console.log('  The headset will warn about the self-signed certificate once ("Advanced" → continue).');
      console.log('  For offline start on headsets, give the server a certificate they trust: TLS_CERT and TLS_KEY.');
    }
    if (settings.printQr && ips.length > 0) console.log(await QRCode.toString(urls[0]!, { type: 'terminal', small: true }));
  }
  // Machine-readable, for tests and scripts that start the server on free ports.
  console.log(`werkvloer listening http=${httpPort ?? 'off'} https=${httpsPort ?? 'off'}`);

  const stop = async () => {
    await Promise.allSettled(servers.map((s) => s.close()));
    await opened.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidScenesError || error instanceof Error ? error.message : error);
  process.exit(1);
});
