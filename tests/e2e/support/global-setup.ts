import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumPath, guardedChromiumArgs } from './browser';
import { builtAppDir } from './built-app';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    /** The one Chromium of the run (its pages side by side, each in its own context). */
    browserWsEndpoint: string;
  }
}

const root = process.cwd();
let server: ChildProcess | undefined;
let browserServer: BrowserServer | undefined;
let dataDir = '';

/** Builds the test app if `npm test` has not already, then starts the real server on a free loopback port. */
export async function setup(project: TestProject) {
  // The test build (with the test clock, src/state/app-clock.ts), never the production one in dist/app.
  if (!existsSync(join(builtAppDir, 'index.html'))) {
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-e2e-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    // Anonymous practice stays allowed on this shared server: files that create organisations run in
    // any order, and most tests play without signing in (sign-in-first has its own server: tests/e2e/sign-in-first.test.ts).
    env: { ...process.env, STATIC_DIR: builtAppDir, HOST: '127.0.0.1', PORT: '0', HTTPS_PORT: 'off', DATA_DIR: dataDir, NO_QR: '1', ANONYMOUS_PRACTICE: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    // 180 s, not 60: on a shared 2-core machine (load 30+) tsx compiling the server alone took over a
    // minute, and the whole file failed before its first test.
    const timer = setTimeout(() => reject(new Error(`server did not start within 180 s:\n${out}`)), 180_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /werkvloer listening http=(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stderr.write(chunk);
    });
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: guardedChromiumArgs('127.0.0.1') });
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  project.provide('dataDir', dataDir);
}

export async function teardown() {
  await browserServer?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
