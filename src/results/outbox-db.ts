import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxEntry, OutboxStore, RefusedEntry } from './outbox-types';

interface OutboxSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  refused: { key: string; value: RefusedEntry };
}

/**
 * The outbox in IndexedDB. Every write asks for `durability: 'strict'`: the transaction completes
 * only once the data is on disk, so a result the app calls queued survives a crash or power cut.
 */
export async function openOutboxDb(name = 'werkvloer-results'): Promise<OutboxStore> {
  const db: IDBPDatabase<OutboxSchema> = await openDB<OutboxSchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' });
      database.createObjectStore('refused', { keyPath: 'id' });
    },
  });
  const strict = { durability: 'strict' } as const;
  return {
    async put(entry) {
      const tx = db.transaction('outbox', 'readwrite', strict);
      await Promise.all([tx.store.put(entry), tx.done]);
    },
    list: () => db.getAll('outbox'),
    async remove(id) {
      const tx = db.transaction('outbox', 'readwrite', strict);
      await Promise.all([tx.store.delete(id), tx.done]);
    },
    async refuse(entry) {
      const tx = db.transaction(['outbox', 'refused'], 'readwrite', strict);
      await Promise.all([tx.objectStore('refused').put(entry), tx.objectStore('outbox').delete(entry.id), tx.done]);
    },
    refused: () => db.getAll('refused'),
  };
}
