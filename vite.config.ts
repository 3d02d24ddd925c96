/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { stationsPlugin } from './scripts/vite-stations';
import { xrProfilesPlugin } from './scripts/vite-xr-profiles';
import { localAssetsPlugin } from './scripts/vite-local-assets';

export default defineConfig({
  plugins: [react(), stationsPlugin(), xrProfilesPlugin(), localAssetsPlugin()],
  // The emulator's dev UI ships its own three.js 0.165 while its handles use ours: one copy for all,
  // or the emulator crashes on the first frame (and the bundle carries three twice).
  resolve: { dedupe: ['three'] },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets the budget checks tell a station's own chunk from the shared code.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Server tests run on SQLite and PostgreSQL: this starts a throwaway cluster unless TEST_DATABASE_URL is set.
    globalSetup: ['tests/server/support/global-setup.ts'],
  },
});
