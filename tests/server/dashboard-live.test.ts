import { describe, expect, test } from 'vitest';
import { instancesOnPostgres } from './support/instances-on-postgres';
import { openSse } from './support/sse';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { sessionBody } from './test-app';

/** Two server instances on one PostgreSQL, as behind a load balancer: an upload to one reaches a trainer on the other. */
describe('live updates across instances on PostgreSQL (LISTEN/NOTIFY)', () => {
  const instances = instancesOnPostgres();

  test('a trainer on instance B sees a session uploaded to instance A; another organisation on B does not', async () => {
    const [a, b] = instances.map((i) => i.app) as [typeof instances[0]['app'], typeof instances[0]['app']];
    const owner = await organisationWithTrainer(a, instances[0]!.db, 'Naaiatelier');
    const stranger = await organisationWithTrainer(a, instances[0]!.db, 'Slagerij');
    const trainee = await joinedTrainee(a, owner);
    const onB = await openSse(b, '/api/dashboard/live', { cookie: owner.cookie });
    const strangerOnB = await openSse(b, '/api/dashboard/live', { cookie: stranger.cookie });
    await Promise.all([onB.waitFor(1), strangerOnB.waitFor(1)]);
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) {
      const res = await a.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: sessionBody({ id }) });
      expect(res.statusCode).toBe(201);
    }
    await onB.waitFor(3);
    expect(onB.events.slice(1).map((e) => (e.data as { id: string }).id).sort()).toEqual([...ids].sort());
    expect(strangerOnB.events.map((e) => e.event)).toEqual(['ready']);
    onB.close();
    strangerOnB.close();
  });
});
