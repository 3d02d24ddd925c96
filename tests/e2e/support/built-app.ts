import { join } from 'node:path';

/**
 * The build the e2e server serves: the test build (`vite build --mode e2e`, with the test clock of
 * src/state/app-clock.ts) in dist/e2e, or STATIC_DIR when set (as src/server/settings.ts reads it).
 */
export const builtAppDir = process.env.STATIC_DIR ?? join(process.cwd(), 'dist/e2e');
