import type { OutboxEntry, OutboxStore, RefusedEntry } from '../../src/results/outbox-types';

/** The outbox store's contract in memory, for the state machine's tests. */
export function memoryStore(): OutboxStore & { outbox: Map<string, OutboxEntry>; refusedMap: Map<string, RefusedEntry> } {
  const outbox = new Map<string, OutboxEntry>();
  const refusedMap = new Map<string, RefusedEntry>();
  return {
    outbox,
    refusedMap,
    put: async (e) => void outbox.set(e.id, structuredClone(e)),
    list: async () => [...outbox.values()].map((e) => structuredClone(e)),
    remove: async (id) => void outbox.delete(id),
    refuse: async (e) => {
      refusedMap.set(e.id, structuredClone(e));
      outbox.delete(e.id);
    },
    refused: async () => [...refusedMap.values()],
  };
}
