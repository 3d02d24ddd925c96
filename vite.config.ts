/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { xrProfilesPlugin } from './scripts/vite-xr-profiles';

export default defineConfig({
  plugins: [react(), xrProfilesPlugin()],
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
  },
});
