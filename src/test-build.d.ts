/**
 * True in the test build only (`vite build --mode e2e`, vite.config.ts `define`): its test clock and
 * the generic e2e driver's probe. Every other build defines it false, and the bundler drops what it guards.
 */
declare const __WERKVLOER_TEST_BUILD__: boolean;
