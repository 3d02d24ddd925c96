import type { Kysely, Migration } from 'kysely';

/**
 * Withdrawing a passport signing key (issue 29): a leaked key leaves the organisation's did:web
 * document and every credential it signed is revoked; who did it, when and why is kept with the key.
 */
export const passportKeyWithdrawalMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('passport_keys').addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable('passport_keys').addColumn('withdrawn_reason', 'text').execute();
    await db.schema.alterTable('passport_keys').addColumn('withdrawn_by', 'text').execute();
  },
};
