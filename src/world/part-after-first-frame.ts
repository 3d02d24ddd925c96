import { Suspense, createElement, type ComponentProps, type ComponentType } from 'react';
import { lazyAfterFirstFrame } from './first-station-frame';

/**
 * A kit part whose code loads after the station's first frame, wrapped in its own Suspense: where a
 * station places it, nothing is drawn until it arrives, and the rest of the station never waits for it
 * (a Suspense boundary higher up would hide the station until then, and the part waits for the
 * station's first frame).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function partAfterFirstFrame<T extends ComponentType<any>>(load: () => Promise<T>): ComponentType<ComponentProps<T>> {
  const Lazy = lazyAfterFirstFrame(() => load().then((component) => ({ default: component })));
  function PartAfterFirstFrame(props: ComponentProps<T>) {
    return createElement(Suspense, { fallback: null }, createElement(Lazy, props));
  }
  return PartAfterFirstFrame;
}
