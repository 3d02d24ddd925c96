import { vi } from 'vitest';

/**
 * Text (troika) needs a browser's workers and fonts; the parts check only needs where the parts are
 * and how they are operated, so a test that renders stations in Node draws no words.
 */
vi.mock('@react-three/drei', async (original) => ({ ...(await original<typeof import('@react-three/drei')>()), Text: () => null }));
vi.mock('troika-three-text', () => ({ configureTextBuilder: () => undefined }));
