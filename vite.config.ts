/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { stationsPlugin } from './scripts/vite-stations';
import { lazyGltfLoaderPlugin } from './scripts/vite-lazy-gltf-loader';
import { xrProfilesPlugin } from './scripts/vite-xr-profiles';

export default defineConfig({
  plugins: [react(), stationsPlugin(), xrProfilesPlugin(), lazyGltfLoaderPlugin()],
  // The emulator's dev UI ships its own three.js 0.165 while its handles use ours: one copy for all,
  // or the emulator crashes on the first frame (and the bundle carries three twice).
  resolve: {
    dedupe: ['three'],
    // three's source modules instead of its one-file build: the bundler then keeps each class with the
    // chunk that uses it, so what only the XR stack, the glTF loader or text need stays out of the
    // JavaScript before the first frame (the one-file build went whole into the first chunk).
    alias: [{ find: /^three$/, replacement: 'three/src/Three.js' }],
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets the budget checks tell a station's own chunk from the shared code.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    // Texts stay JSON files (fetched by src/i18n/i18n.ts), never inlined into the JavaScript.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: scrypt/argon2, child processes and PostgreSQL are slow on a loaded 2-core machine;
    // tests assert behaviour, never time.
    testTimeout: 30_000,
    // Server tests run on SQLite and PostgreSQL: this starts a throwaway cluster unless TEST_DATABASE_URL is set.
    globalSetup: ['tests/server/support/global-setup.ts'],
  },
});
