import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface GuardedPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request that tried to leave the local server (should stay empty). */
  foreignRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * The flags every test browser runs with: WebGL through SwiftShader, WebXR off so the IWER emulator
 * can install (RECIPES.md), no background traffic, and every host but the local server unresolvable.
 */
export function guardedChromiumArgs(localHost: string): string[] {
  return [
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    // No multisampling: SwiftShader draws every pixel on the CPU, and 4x MSAA made each frame ~1.5x
    // slower (measured: 9-11 fps against 14-15 at 1024x640, desktop and XR). Tests count draw calls
    // and play by pointers; no test reads an edge's smoothness. Screenshots show jagged edges.
    '--webgl-antialiasing-mode=none',
    '--disable-features=WebXR',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${localHost}`,
  ];
}

/**
 * Debian Chromium with WebGL through SwiftShader and WebXR switched off so the IWER emulator can
 * install (RECIPES.md). Every host but the local server is unresolvable, and any attempt is recorded.
 */
export async function openGuardedPage(
  baseUrl: string,
  viewport = { width: 640, height: 400 },
  options: { hasTouch?: boolean; firstTimeInVr?: boolean } = {},
): Promise<GuardedPage> {
  const local = new URL(baseUrl);
  // One browser for the whole run (tests/e2e/support/global-setup.ts starts it with these same flags);
  // each page gets its own context. Launched here only outside that setup.
  const shared = inject('browserWsEndpoint');
  const browser = shared
    ? await chromium.connect(shared)
    : await chromium.launch({
        executablePath: chromiumPath,
        args: guardedChromiumArgs(local.hostname),
      });
  const context = await browser.newContext({ viewport, locale: 'nl-BE', hasTouch: options.hasTouch ?? false });
  if (!options.firstTimeInVr) {
    // A headset that has done the VR tutorial before (tests/e2e/vr-tutorial.test.ts plays it on a new one).
    await context.addInitScript(() => {
      if (localStorage.getItem('werkvloer.comfort') === null) localStorage.setItem('werkvloer.comfort', '{"tutorial":false}');
    });
  }
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const isLocal = (url: string) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    try {
      return new URL(url).host === local.host;
    } catch {
      return false;
    }
  };
  context.on('request', (request) => {
    if (!isLocal(request.url())) foreignRequests.push(request.url());
  });
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    browser,
    context,
    page,
    foreignRequests,
    consoleErrors,
    close: async () => {
      // A request still being routed when the page goes would fail its handler after the test
      // ("Target page, context or browser has been closed") and fail the file: let go of them first.
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await browser.close();
    },
  };
}

/** Waits until the 3D view has rendered at least `frames` frames (read from the app's render probe). */
export async function waitForFrames(page: Page, frames = 3): Promise<void> {
  await page.waitForFunction((n) => (window.__werkvloer?.counts.frames ?? 0) >= n, frames, { timeout: 60_000 });
}
