import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { buildApp, type AppOptions } from './app';
import { createDb, postgresReadDb } from './db/create-db';
import { moveMessage } from './db/event-log-move';
import { fillMessage } from './db/station-totals-fill';
import { sqliteReadPool } from './db/sqlite-read-pool';
import { StorageStatus } from './db/storage-status';
import { LiveSessions } from './dashboard/live-sessions';
import { lanAddresses, machineName } from './lan-addresses';
import { ScenarioCatalog, readScenes } from './scenario-catalog';
import { readLearningPaths } from './learning-paths';
import { readSettings, repoRoot, type Settings } from './settings';
import { loadTls, type TlsMaterial } from './tls';
import { startMaintenance } from './maintenance';
import { sharedUploadScorer } from './upload-scorer';
import { loadServerSecret } from './auth/server-secret';
import { SecretBox } from './auth/secret-box';
import { StationTexts } from './dashboard/station-texts';
import { XapiForwarder } from './xapi/forwarder';

/** Listens, or stops the start with the setting to change (a second `npm start` is the usual cause). */
async function listen(app: FastifyInstance, host: string, port: number, setting: string): Promise<number> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use (is werkvloer running already?): set ${setting} to another port`);
    if (code === 'EACCES') throw new Error(`no permission to listen on port ${port}: set ${setting} to a port above 1023`);
    throw error;
  }
  return (app.server.address() as AddressInfo).port;
}

/** The host names a headset can use: the LAN addresses when listening on all interfaces. */
function headsetHosts(host: string): string[] {
  if (host === '0.0.0.0' || host === '::') return lanAddresses();
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') return [];
  return [host.includes(':') ? `[${host}]` : host];
}

async function printUrls(s: Settings, ports: { http: number | null; https: number | null }, tls: TlsMaterial | null) {
  if (ports.http !== null) console.log(`  On this computer:  http://localhost:${ports.http}/`);
  // Trainers sign in on this computer; without the plain port, over the HTTPS one.
  const dashboardBase = ports.http !== null ? `http://localhost:${ports.http}` : ports.https !== null ? `https://localhost:${ports.https}` : null;
  if (dashboardBase) console.log(`  Trainer dashboard: ${dashboardBase}/dashboard  (first account: npm run admin -- create-organisation --help)`);
  if (ports.https === null || !tls) return;
  const hosts = headsetHosts(s.host);
  const urls = (hosts.length > 0 ? hosts : ['localhost']).map((h) => `https://${h}:${ports.https}/`);
  for (const url of urls) console.log(`  On a headset:      ${url}`);
  if (hosts.length === 0) console.log('  (no network address to offer headsets: HOST is loopback or no network is up)');
  if (tls.source === 'self-signed') {
    const rel = relative(process.cwd(), tls.file);
    console.log(`  Certificate: self-signed, ${rel.startsWith('..') ? tls.file : rel}${tls.made ? ' (made now)' : ''}.`);
    console.log('  WARNING: a headset shows a certificate warning for this address: choose "Advanced", then continue.');
    console.log('  WARNING: offline start on a headset (service worker) needs a certificate it trusts: set TLS_CERT and TLS_KEY.');
  } else {
    console.log(`  Certificate: ${tls.file} (TLS_CERT).`);
  }
  if (s.printQr && hosts.length > 0) console.log(await QRCode.toString(urls[0]!, { type: 'terminal', small: true }));
}

/** The headset addresses `npm start` prints; QR cards default to the first (GET /api/dashboard/server-info). */
function headsetUrls(s: Settings, httpsPort: number | null): string[] {
  if (httpsPort === null) return [];
  return headsetHosts(s.host).map((h) => `https://${h}:${httpsPort}/`);
}

/** `npm start`: one process serves the app and the API on plain HTTP (this PC) and HTTPS (headsets). */
async function main() {
  const settings = readSettings(process.env);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const current = readScenes(repoRoot, settings.scenesDir);
  // The learning paths name stations: checked here like the scenarios, a broken one stops the start with its file and JSON path.
  const learningPaths = readLearningPaths(repoRoot, current.map((e) => e.scenario), settings.scenesDir);
  if (learningPaths.issues.length > 0) throw new Error(`invalid learning paths:\n${learningPaths.issues.map((i) => `  ${i.file} ${i.path}: ${i.message}`).join('\n')}`);
  let lastMoveLine = 0;
  const opened = await createDb({
    dataDir: settings.dataDir,
    databaseUrl: settings.databaseUrl,
    onMoveProgress: (p) => {
      // Every 5 seconds at most: a multi-gigabyte database takes minutes.
      if (!p.done && Date.now() - lastMoveLine < 5000) return;
      lastMoveLine = Date.now();
      console.log(moveMessage(p));
    },
    onFillProgress: (p) => {
      if (!p.done && Date.now() - lastMoveLine < 5000) return;
      lastMoveLine = Date.now();
      console.log(fillMessage(p));
    },
  });
  // The upload scorer threads load the engine before the server listens: the first uploads need not wait or run inline.
  await sharedUploadScorer().start();
  const servers: FastifyInstance[] = [];
  const closers: (() => Promise<void>)[] = [];
  // WAL checkpoints (SQLite) and the retention purge (RETENTION_DAYS), on timers that never keep the process up.
  const maintenance = startMaintenance({
    db: opened.db,
    kind: opened.kind,
    retentionDays: settings.retentionDays,
    poseRetentionDays: settings.poseRetentionDays,
    onError: (what, error) => console.error(`werkvloer: ${what} failed (tried again later): ${error instanceof Error ? error.message : String(error)}`),
  });

  let forwarder: XapiForwarder | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    // Ctrl-C reaches both `npm start` and this process, and start.mjs forwards it too: stop once.
    if (stopping) return;
    stopping = true;
    maintenance.stop();
    await forwarder?.stop();
    await Promise.allSettled(servers.map((s) => s.close()));
    await Promise.allSettled(closers.map((c) => c()));
    await opened.db.destroy();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const catalog = await ScenarioCatalog.open(opened.db, current);
    const serverSecret = loadServerSecret(settings.serverSecret ?? undefined, settings.dataDir);
    const sqliteFile = opened.kind === 'sqlite' ? opened.location : undefined;
    // One live feed for both listeners; with PostgreSQL it also hears the other instances' uploads.
    const live = settings.databaseUrl ? await LiveSessions.postgres(settings.databaseUrl, (e) => console.error(`live updates: ${e.message}`)) : LiveSessions.inProcess();
    // LRS forwarding: one forwarder for both listeners, in the background (docs/xapi.md).
    forwarder = new XapiForwarder({
      db: opened.db,
      box: new SecretBox(serverSecret, 'lrs'),
      now: () => new Date(),
      publicUrl: settings.publicUrl,
      texts: new StationTexts(join(process.cwd(), 'locales'), () => catalog.current.map((e) => e.scenario)),
      catalog,
      onError: (e) => console.error(`werkvloer: LRS forwarding failed (tried again later): ${e instanceof Error ? e.message : String(e)}`),
    });
    forwarder.start();
    // Shared by both listeners: one pair of reader threads, one view of the disk (with a 32 MB reserve file).
    // With PostgreSQL a pool of their own, so trainers' queries never hold the connections uploads need.
    const readDb = sqliteFile ? sqliteReadPool(sqliteFile) : settings.databaseUrl ? postgresReadDb(settings.databaseUrl) : undefined;
    if (readDb) closers.push(() => readDb.destroy());
    const storage = new StorageStatus({ dataDir: sqliteFile ? settings.dataDir : null, reserveBytes: sqliteFile ? 32 * 1024 * 1024 : 0 });
    storage.canStore();
    // Fastify has one server per instance: two instances share the database and the catalog.
    const ports = { http: null as number | null, https: null as number | null };
    // Trainer routes asked over plain HTTP from the LAN are sent to the HTTPS port, known once it listens.
    const httpsPort = () => ports.https;
    const appOptions: AppOptions = { db: opened.db, dbKind: opened.kind, catalog, staticDir: settings.staticDir, logger: { requests: settings.log }, version, sqliteFile, live, serverSecret, publicUrl: settings.publicUrl, forwarder, trustedProxies: settings.trustedProxies, httpsPort, readDb, storage, headsetUrls: () => headsetUrls(settings, ports.https), anonymousPractice: settings.anonymousPractice, learningPaths: learningPaths.paths, localesDir: settings.localesDir };
    if (settings.httpPort !== null) {
      const app = await buildApp(appOptions);
      servers.push(app);
      ports.http = await listen(app, settings.host, settings.httpPort, 'PORT');
    }
    let tls: TlsMaterial | null = null;
    if (settings.httpsPort !== null) {
      tls = await loadTls({ dataDir: settings.dataDir, certFile: settings.tlsCert, keyFile: settings.tlsKey, hostnames: [machineName()], ips: lanAddresses() });
      // One passport issuer per process: the HTTPS listener shares the HTTP one's (two would run the same passes side by side).
      const app = await buildApp({ ...appOptions, https: { cert: tls.cert, key: tls.key }, passportIssuer: servers[0]?.passportIssuer });
      servers.push(app);
      ports.https = await listen(app, settings.host, settings.httpsPort, 'HTTPS_PORT');
    }
    if (ports.http === null && ports.https === null) throw new Error('both PORT and HTTPS_PORT are off: nothing to serve');

    // Scenarios without a 3D station are scored by the server but not offered in the app (yet).
    const playable = current.filter((e) => existsSync(join(settings.scenesDir, e.scenario.sector, e.scenario.station, 'station.tsx'))).length;
    console.log(`werkvloer ${version}: ${playable} station(s) to play, ${current.length} scenario(s) scored, database ${opened.kind} (${opened.location})`);
    if (!existsSync(join(settings.staticDir, 'index.html'))) console.log(`  API only: no built app in ${settings.staticDir} (npm start builds it; npm run build by hand).`);
    await printUrls(settings, ports, tls);
    // Machine-readable, for tests and scripts that start the server on free ports (PORT=0).
    console.log(`werkvloer listening http=${ports.http ?? 'off'} https=${ports.https ?? 'off'}`);
  } catch (error) {
    console.error(`werkvloer could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  // Settings, scenes or the database failed before anything listened: the message says which.
  console.error(`werkvloer could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
