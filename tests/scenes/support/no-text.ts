import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from 'vitest';

/**
 * Text (troika) needs a browser's workers and fonts; the parts check only needs where the parts are
 * and how they are operated, so a test that renders stations in Node draws no words.
 */
vi.mock('@react-three/drei', async (original) => ({ ...(await original<typeof import('@react-three/drei')>()), Text: () => null }));
vi.mock('troika-three-text', () => ({ configureTextBuilder: () => undefined, Text: class {}, BatchedText: class {} }));

// Numbers on displays and scales are still formatted in the trainee's language: Dutch here.
await i18next.use(initReactI18next).init({ lng: 'nl', resources: {} });
