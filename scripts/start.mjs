#!/usr/bin/env node
// `npm start`: build the trainee app when its sources are newer than the build, then run the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/app/index.html');
// What goes into the build (the vite plugins in scripts/vite-*.ts included); src/server does not.
const plugins = readdirSync(join(root, 'scripts')).filter((f) => f.startsWith('vite-') && f.endsWith('.ts')).map((f) => `scripts/${f}`);
const sources = ['src', 'scenes', 'locales', 'assets', 'public', 'index.html', 'dashboard.html', 'vite.config.ts', 'package.json', ...plugins];
const skip = new Set([join(root, 'src/server')]);

function newest(path) {
  if (skip.has(path) || !existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newest(join(root, s))));
if (builtAt < sourcesAt) {
  console.log(builtAt === 0 ? 'Building the app (first start)…' : 'Sources changed since the last build: building the app…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) {
    console.error('The app did not build (see above); the server was not started.');
    process.exit(r.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], { cwd: root, stdio: 'inherit' });
// The server stops gracefully on the first signal and ignores repeats (Ctrl-C reaches both processes).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
