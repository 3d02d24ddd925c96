import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { checkTrainerLogin, loginHashChecks } from '../../../src/server/auth/login-check';
import { hashPassword, verifyPassword } from '../../../src/server/auth/password';
import { createOrganisation } from '../../../src/server/organisations';
import { databaseKinds } from '../support/databases';
import { testApp } from '../test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/**
 * Issue 18 item 10: how long a login takes must not tell how many organisations an address has an
 * account in. Counted, not timed: every login checks the same number of hashes.
 */
describe.each(databaseKinds)('the login password check on %s', (kind) => {
  test('the same number of hash checks for an unknown address, one account and accounts in three organisations', async () => {
    t = await testApp({ kind });
    const db = t.db;
    const organisations: string[] = [];
    for (const name of ['Atelier', 'Werkhuis', 'Derde']) organisations.push((await createOrganisation(db, { name, email: `admin@${name.toLowerCase()}.test`, password: 'blue kettle 7 orchard', country: 'BE' })).organisationId);
    const addAccount = async (organisationId: string, email: string, password: string) =>
      db.insertInto('trainers').values({ id: randomUUID(), organisation_id: organisationId, email, password_hash: await hashPassword(password), role: 'trainer', created_at: '2026-12-06T09:00:00.000Z' }).execute();
    const checks = async (email: string, password: string, organisationId?: string) => {
      let calls = 0;
      const result = await checkTrainerLogin(db, email, password, organisationId, (p, h) => (calls++, verifyPassword(p, h)));
      return { calls, kind: result.kind };
    };

    await addAccount(organisations[0]!, 'kim@shared.test', 'green teapot 42 harbour');
    await addAccount(organisations[1]!, 'kim@shared.test', 'copper whistle 3 dune');
    // One account each, or two: the floor of two checks covers them all.
    expect(await checks('nobody@shared.test', 'green teapot 42 harbour')).toEqual({ calls: loginHashChecks, kind: 'failed' });
    expect(await checks('admin@atelier.test', 'blue kettle 7 orchard')).toEqual({ calls: loginHashChecks, kind: 'ok' });
    expect(await checks('kim@shared.test', 'copper whistle 3 dune')).toEqual({ calls: loginHashChecks, kind: 'ok' });

    // An address with accounts in three organisations raises every login to three checks, not only its own.
    await addAccount(organisations[2]!, 'kim@shared.test', 'green teapot 42 harbour');
    expect(await checks('nobody@shared.test', 'anything at all 1')).toEqual({ calls: 3, kind: 'failed' });
    expect(await checks('admin@werkhuis.test', 'blue kettle 7 orchard')).toEqual({ calls: 3, kind: 'ok' });
    expect(await checks('admin@werkhuis.test', 'blue kettle 7 orchard', organisations[1])).toEqual({ calls: 3, kind: 'ok' });
    expect(await checks('kim@shared.test', 'wrong guess 12345')).toEqual({ calls: 3, kind: 'failed' });
    expect(await checks('kim@shared.test', 'green teapot 42 harbour')).toEqual({ calls: 3, kind: 'choose-organisation' });
    expect(await checks('kim@shared.test', 'green teapot 42 harbour', organisations[2])).toEqual({ calls: 3, kind: 'ok' });
  });
});
