import type { SessionEvent } from '../engine';
import type { LiveEvents } from '../shared/live-progress';
import { maxLiveEventChars } from '../shared/live-event-limits';

/**
 * The part of an attempt's event log a live message carries: from where the watchers' copy ends, as
 * many whole events as fit in `maxChars` of JSON (at least one, which the schema's bounds keep far
 * under it); null when the watchers hold them all. The rest goes with the next messages.
 */
export function liveEventsChunk(events: readonly SessionEvent[], from: number, maxChars = maxLiveEventChars): LiveEvents | null {
  if (from < 0 || from >= events.length) return null;
  const list: SessionEvent[] = [];
  // The array's brackets, then each event and its comma.
  let chars = 2;
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    const size = JSON.stringify(e).length + (list.length > 0 ? 1 : 0);
    if (list.length > 0 && chars + size > maxChars) break;
    list.push(e);
    chars += size;
  }
  return { from, list };
}
