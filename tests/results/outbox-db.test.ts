import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { openOutboxDb } from '../../src/results/outbox-db';

const entry = (id: string) => ({ id, record: { id } as never, traineeToken: 't', queuedAt: 1, attempts: 0 });

describe('the IndexedDB outbox (idb over fake-indexeddb)', () => {
  test('keeps entries across reopening, and refusing moves one to the refused list atomically', async () => {
    const name = `outbox-${Math.random()}`;
    const first = await openOutboxDb(name);
    await first.put(entry('a'));
    await first.put(entry('b'));
    const reopened = await openOutboxDb(name);
    expect((await reopened.list()).map((e) => e.id).sort()).toEqual(['a', 'b']);
    await reopened.refuse({ ...entry('a'), status: 400, reason: 'invalid-session', message: 'id: must be a UUID', refusedAt: 2 });
    await reopened.remove('b');
    expect(await reopened.list()).toEqual([]);
    expect(await reopened.refused()).toEqual([expect.objectContaining({ id: 'a', reason: 'invalid-session' })]);
  });
});
