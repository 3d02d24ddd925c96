import { needsHelp, offlineAfterMs, type LiveTile } from '../shared/live-tile';

/** A tile as the page holds it: `seenAt` is when the headset last spoke, on this browser's clock. */
export interface HeldTile {
  tile: LiveTile;
  seenAt: number;
}

/** A tile arriving now: the server says how long the headset has been silent, so no two clocks are compared. */
export function held(tile: LiveTile, now: number): HeldTile {
  return { tile, seenAt: now - tile.silentMs };
}

export function isOnline(h: HeldTile, now: number): boolean {
  return now - h.seenAt < offlineAfterMs;
}

/** Time on the current step now: what the headset said, plus the time since (while it is online). */
export function onStepNow(h: HeldTile, now: number): number | null {
  if (!h.tile.step || h.tile.finished) return null;
  return h.tile.step.onStepMs + (isOnline(h, now) ? now - h.seenAt : 0);
}

/** Who needs the trainer first: asked, then a critical error, then stuck; then playing, finished, offline; by code within. */
export function sortTiles(tiles: readonly HeldTile[], now: number): HeldTile[] {
  const rank = (h: HeldTile) => {
    const why = needsHelp(h.tile);
    if (why === 'asked') return 0;
    if (why === 'critical') return 1;
    if (why === 'stuck') return 2;
    if (h.tile.finished) return 4;
    return isOnline(h, now) ? 3 : 5;
  };
  return [...tiles].sort((a, b) => rank(a) - rank(b) || a.tile.trainee.code.localeCompare(b.tile.trainee.code) || a.tile.attemptId.localeCompare(b.tile.attemptId));
}
