/** localStorage key the outbox keeps its count in, so the app loads the outbox at start only when needed. */
export const waitingHintKey = 'werkvloer.outbox.waiting';

export function resultsWaitHint(): boolean {
  try {
    return Number(localStorage.getItem(waitingHintKey) ?? '0') > 0;
  } catch {
    return false;
  }
}
