import { defineConfig } from 'vitest/config';

// Runs scripts/find-panel-spots.tsx (it needs Vite's import.meta.glob to load the stations).
export default defineConfig({
  // The app's build constant (vite.config.ts): not the test build.
  define: { __WERKVLOER_TEST_BUILD__: 'false' },
  test: { include: ['scripts/find-panel-spots.tsx'], environment: 'node', testTimeout: 3_600_000 },
});
