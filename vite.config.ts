/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { stationsPlugin } from './scripts/vite-stations';
import { lazyGltfLoaderPlugin } from './scripts/vite-lazy-gltf-loader';
import { withoutEmulatorFiles } from './scripts/vite-precache';
import { xrProfilesPlugin } from './scripts/vite-xr-profiles';
import { localAssetsPlugin } from './scripts/vite-local-assets';
import { localeFilesPlugin } from './scripts/vite-locale-files';
import { isReplayPageBuild, replayPagePlugin } from './scripts/vite-replay-page';
import { threeShadersPlugin } from './scripts/vite-three-shaders';
import { threeLazyShadersPlugin } from './scripts/vite-three-lazy-shaders';
import { threeWithoutShadowMapPlugin } from './scripts/vite-three-without-shadow-map';
import { threeXrOnDemandPlugin } from './scripts/vite-three-xr-on-demand';

/** `vite build --mode e2e` (npm test) builds the test build into its own folder (src/state/app-clock.ts). */
const outDirOf = (mode: string) => (mode === 'e2e' ? 'dist/e2e' : 'dist/app');

/** The replay page's own build (scripts/vite-replay-page.ts): replay.html alone, beside the app's files. */
const replayPage = isReplayPageBuild();

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    threeShadersPlugin(),
    threeLazyShadersPlugin(),
    threeWithoutShadowMapPlugin(),
    threeXrOnDemandPlugin(),
    stationsPlugin(),
    localeFilesPlugin(),
    ...(replayPage ? [] : [xrProfilesPlugin(), replayPagePlugin('vite.config.ts')]),
    lazyGltfLoaderPlugin(),
    localAssetsPlugin(),
    // Once loaded, the app starts and plays without a network: the service worker precaches the whole
    // build (shell, every chunk incl. stations and locales, fonts, controller profiles). A new version
    // waits until the trainee is between sessions (src/app/update-offer.tsx); /api/* is never cached.
    VitePWA({
      registerType: 'prompt',
      // The app's build writes the one service worker; the replay page's own build adds none.
      disable: replayPage,
      // Registered by src/app/service-worker-register.ts after the start screen is idle (JS budget).
      injectRegister: false,
      manifest: false,
      workbox: {
        // Only the trainee app's page: another HTML entry (the trainer dashboard) is never served from here.
        globPatterns: ['index.html', '**/*.{js,css,json,ttf,otf,woff,woff2,glb,gltf,png,svg,jpg,webp,ktx2,mp3,ogg,opus,wav,m4a}'],
        // Vite's manifest is for the build and the budget checks, not for the browser. Generated speech
        // is kept per language the headset uses, not all of it (src/audio/audio-offline.ts): only each
        // language's manifest.json is precached, so a headset knows offline what it could say.
        globIgnores: ['.vite/**', 'audio/**/*.ogg'],
        manifestTransforms: [withoutEmulatorFiles(outDirOf(mode))],
        // The Arabic and Ethiopic fonts and three.js's chunk exceed workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The trainee app has one page (`/`, `/?join=…`); any other navigation (API, dashboard) goes to the server.
        navigateFallbackAllowlist: [/^\/(index\.html)?(\?.*)?$/],
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Hashed file names are their own revision; no cache-busting query needed.
        dontCacheBustURLsMatching: /^assets\//,
        // Centre-recorded voices (issue 30): each file is immutable under its id; src/audio/recorded-voices.ts
        // fills this cache as soon as the list is known, so they play offline like the generated audio.
        runtimeCaching: [
          { urlPattern: /\/voices\/[0-9a-f-]{36}\.ogg$/, handler: 'CacheFirst', options: { cacheName: 'werkvloer-voices', cacheableResponse: { statuses: [200] } } },
          // Generated speech, filled per language by src/audio/audio-offline.ts (`?v=` is the text's hash).
          { urlPattern: /\/audio\/[a-z]{2,3}\/.+\.ogg\?v=[0-9a-f]+$/, handler: 'CacheFirst', options: { cacheName: 'werkvloer-audio', cacheableResponse: { statuses: [200] } } },
        ],
      },
    }),
  ],
  // The emulator's dev UI ships its own three.js 0.165 while its handles use ours: one copy for all,
  // or the emulator crashes on the first frame (and the bundle carries three twice).
  resolve: {
    dedupe: ['three'],
    // three's source modules instead of its one-file build: the bundler then keeps each class with the
    // chunk that uses it, so what only the XR stack, the glTF loader or text need stays out of the
    // JavaScript before the first frame (the one-file build went whole into the first chunk).
    alias: [{ find: /^three$/, replacement: 'three/src/Three.js' }],
  },
  // The test build differs from production by the test clock alone: libraries (zustand, React) read
  // import.meta.env.MODE and would ship their development warnings in a build whose mode is 'e2e',
  // so the JavaScript the budgets count would not be what a trainee downloads.
  define: {
    __WERKVLOER_TEST_BUILD__: JSON.stringify(mode === 'e2e'),
    ...(mode === 'e2e' ? { 'import.meta.env.MODE': JSON.stringify('production') } : {}),
  },
  build: {
    // What is unique to a station (station.tsx) loads after its first frame: listing its dependencies
    // for preloading would put their names into the station's first-frame chunk (~0.4 KB gzip) for
    // files that are fetched only later anyway.
    modulePreload: { resolveDependencies: (file, deps) => (/(^|\/)station-[\w-]+\.js$/.test(file) ? [] : deps) },
    outDir: outDirOf(mode),
    emptyOutDir: !replayPage,
    sourcemap: false,
    // The manifest lets the budget checks tell a station's own chunk from the shared code.
    manifest: replayPage ? '.vite/replay-manifest.json' : true,
    chunkSizeWarningLimit: 1200,
    // Texts stay JSON files (fetched by src/i18n/i18n.ts), never inlined into the JavaScript.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    // The trainer dashboard is a second entry: its own chunk graph, never three.js (tests/dashboard/bundle.test.ts).
    rolldownOptions: {
      // The replay page (issue 28) is built on its own (scripts/vite-replay-page.ts): it never re-cuts the trainee's chunks.
      input: (replayPage ? { replay: 'replay.html' } : { index: 'index.html', dashboard: 'dashboard.html' }) as Record<string, string>,
      // What only stations drawn from layout.json need (the layout station, its live batch, the kit's
      // looks, the small shared helpers of kit parts) is one chunk of its own (module ids with a query are a
      // station's own copy of a part and stay in its chunk): left to itself the bundler merged it into the interactables'
      // chunk, which every hand-built station loads before its first frame.
      // The XR libraries declare no sideEffects, so their index files kept every feature they export (plane and
      // mesh detection, layers, hit testing) and with them three's shapes and curves: 11.5 KB gzip before the
      // first XR frame. Their modules only define things; what the app does not import can go.
      treeshake: { moduleSideEffects: [{ test: /node_modules\/(@react-three\/xr|@pmndrs\/xr|@pmndrs\/pointer-events)\//, sideEffects: false }] },
      output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'kit', test: /src\/world\/(live-batch|layout-station|lazy-world-text|kit\/look|kit\/look-mesh|kit\/palette|kit\/kit-part|kit\/bin|kit\/turns)\.tsx?$/ }] } },
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: scrypt/argon2, child processes and PostgreSQL are slow on a loaded 2-core machine;
    // tests assert behaviour, never time.
    testTimeout: 30_000,
    // A server test's setup (a fresh app, its migrations, on PostgreSQL too) took over vitest's 10 s
    // default on a loaded machine: the hooks get the tests' allowance.
    hookTimeout: 30_000,
    // Server tests run on SQLite and PostgreSQL: this starts a throwaway cluster unless TEST_DATABASE_URL is set.
    globalSetup: ['tests/server/support/global-setup.ts'],
  },
}));
