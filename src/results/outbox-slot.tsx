import { Suspense, lazy, useEffect, useState } from 'react';
import { resultsWaitHint } from './outbox-hint';
import { whenIdle } from './when-idle';

// The outbox (idb, sync, its panel) is a chunk of its own: it never counts towards a station's first frame.
const OutboxStatus = lazy(() => import('./outbox-status'));

/**
 * Where the app shows waiting and refused results. It loads the outbox (which flushes what waits) when a
 * session has ended, at start when the hint says results wait, and otherwise once the start screen is
 * idle: the hint lives in localStorage, which a browser killed mid-write may not have saved, while the
 * results themselves are in IndexedDB.
 */
export function OutboxSlot({
  sessionEnded,
  onStartScreen,
  inline = false,
}: {
  sessionEnded: boolean;
  onStartScreen: boolean;
  inline?: boolean;
}) {
  const [opened, setOpened] = useState(() => sessionEnded || resultsWaitHint());
  useEffect(() => {
    if (opened) return;
    if (sessionEnded) {
      setOpened(true);
      return;
    }
    if (onStartScreen) return whenIdle(() => setOpened(true));
  }, [opened, sessionEnded, onStartScreen]);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <OutboxStatus inline={inline} />
    </Suspense>
  );
}
