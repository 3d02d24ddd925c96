/** How many of a part's in-turn actions (open, close…) the session holds: the next one sent is `actions[turns % n]`. */
export function turnsOf(events: readonly { action: string; object: string }[], object: string, actions: readonly string[]): number {
  let n = 0;
  for (const e of events) if (e.object === object && actions.includes(e.action)) n++;
  return n;
}
