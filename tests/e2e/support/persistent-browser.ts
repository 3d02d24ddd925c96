import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, guardedChromiumArgs } from './browser';

export interface PersistentGuardedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave the local server (should stay empty). */
  foreignRequests: string[];
  consoleErrors: string[];
  /** SIGKILL to the whole browser: no unload, no shutdown, nothing flushed that was not on disk. */
  kill(): Promise<void>;
  /** An orderly close (for the end of a test). */
  close(): Promise<void>;
}

/**
 * Like `openGuardedPage` (same flags; foreign hosts unresolvable and recorded), but with a profile on disk
 * (`userDataDir`) that a later launch reuses, and a browser this test started itself so it can be
 * killed like a headset running out of battery. Chromium is spawned directly and driven over CDP:
 * Playwright's own persistent launch has no way to kill the browser without closing it first.
 */
export async function openPersistentGuardedPage(baseUrl: string, userDataDir: string, viewport = { width: 640, height: 400 }): Promise<PersistentGuardedPage> {
  const local = new URL(baseUrl);
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      '--headless',
      ...guardedChromiumArgs(local.hostname),
      '--no-default-browser-check',
      '--lang=nl-BE',
      `--window-size=${viewport.width},${viewport.height}`,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Its own process group, so a kill takes the renderers and the GPU process with it.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`chromium exited with ${code}:\n${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const isLocal = (url: string) => {
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
    try {
      return new URL(url).host === local.host;
    } catch {
      return false;
    }
  };
  context.on('request', (request) => {
    if (!isLocal(request.url())) foreignRequests.push(request.url());
  });
  // No context.route here: with request interception on, Chromium bypasses service workers, and this
  // helper is for the offline tests that need one. Foreign hosts are unresolvable (flag above) and recorded.
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  const killGroup = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  };
  return {
    browser,
    context,
    page,
    foreignRequests,
    consoleErrors,
    kill: killGroup,
    async close() {
      await browser.close().catch(() => undefined);
      await killGroup();
    },
  };
}
