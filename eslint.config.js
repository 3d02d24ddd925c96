import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** A no-restricted-imports pattern for relative imports into any of `layers` (folders of src/). */
const upward = (who, layers) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message: `${who} must not import ${layers.map((l) => `src/${l}`).join(', ')}: imports run downward (DESIGN.md)`,
});

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'public/xr-profiles/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no rendering, DOM or clock (DESIGN.md principle 1).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['three', 'three/*', 'react', 'react-*', '@react-three/*', 'node:*'] }],
      'no-restricted-globals': ['error', 'Date', 'performance', 'window', 'document', 'setTimeout', 'setInterval'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }],
    },
  },
  // Imports run downward (DESIGN.md). Each block names the directions its layer must not take;
  // tests/lint/import-boundaries.test.ts proves every one of them fires.
  {
    files: ['src/world/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upward('the station kit', ['app', 'play', 'dashboard', 'server'])] }] },
  },
  {
    files: ['src/audio/**/*.{ts,tsx}', 'src/vocabulary/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upward('audio and vocabulary', ['app', 'play', 'dashboard', 'server'])] }] },
  },
  {
    files: ['src/state/**/*.{ts,tsx}', 'src/input/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upward('state and input', ['app', 'play', 'world', 'dashboard', 'server'])] }] },
  },
  {
    files: ['src/play/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upward('the play shell', ['app', 'dashboard', 'server'])] }] },
  },
  {
    // The trainer's dashboard shares types with the server through src/shared, never its code,
    // and never loads three.js.
    files: ['src/dashboard/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [upward('the dashboard', ['server', 'world', 'play', 'app']), { group: ['three', 'three/*', '@react-three/*'], message: 'the dashboard never loads three.js' }] },
      ],
    },
  },
  {
    // A station uses the kit through its front door, the engine's types, its own folder and its
    // sector's _shared folder — nothing else of the app, and no other station.
    files: ['scenes/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+src/(?!world$|world/index$|engine$|engine/index$)', message: 'a station imports the kit only through its front door, src/world (src/world/index.ts)' },
            { regex: '^(\\.\\./)+src/engine(/index)?$', allowTypeImports: true, message: 'a station imports only the engine\'s types (import type …)' },
            { regex: '^(\\.\\./)+(?!src/|_shared/)[^./]', message: 'a station imports only its own folder and its sector\'s _shared/ folder, never another station' },
          ],
        },
      ],
    },
  },
);
