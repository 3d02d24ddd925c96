/**
 * The time the app plays in: `Date.now`, read through this one object so session events, machine
 * displays and hold bars agree. Only the test build's e2e driver probe (src/play/driver-probe.tsx,
 * never in a production bundle) replaces `now`, to let a 45-second wash pass at once; nothing in
 * production can reach this module-private object to do the same.
 */
export const appClock = { now: Date.now };
