/**
 * Resolves once the first frame with a station has been drawn. Work the trainee does not need to
 * see the station (controller models, text) waits for it, so it does not compete for the download.
 */
import { lazy, type ComponentType } from 'react';

let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

export const firstStationFrame = {
  /** Called by the station canvas after the first frame with the station. */
  mark(): void {
    markShown();
  },
  /** Resolves after that frame (at once if it has already been drawn). */
  drawn(): Promise<void> {
    return shown;
  },
};

/**
 * `React.lazy` that starts fetching only after the first station frame: labels, readings and other
 * text (troika, ~40 KB gzip) never compete with the station itself for the download.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyAfterFirstFrame<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => {
    await shown;
    return load();
  });
}
