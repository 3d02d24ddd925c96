import { Suspense, lazy } from 'react';
import { resultsWaitHint } from './outbox-hint';

// The outbox (idb, sync, its panel) is a chunk of its own: it never counts towards a station's first frame.
const OutboxStatus = lazy(() => import('./outbox-status'));

/**
 * Where the app shows waiting and refused results. It loads the outbox when a session has ended,
 * or at start when results from earlier wait (that load also flushes them).
 */
export function OutboxSlot({ sessionEnded }: { sessionEnded: boolean }) {
  if (!sessionEnded && !resultsWaitHint()) return null;
  return (
    <Suspense fallback={null}>
      <OutboxStatus />
    </Suspense>
  );
}
