import type { Kysely, Migration } from 'kysely';

/**
 * The organisation's country (issue 6): BE or NL picks the food station whose legal limits apply.
 * Organisations made before this migration get NULL, "not chosen yet": their trainees keep seeing
 * every country's stations (nothing disappears on upgrade) until an admin chooses on the dashboard.
 * New organisations always name one (`npm run admin -- create-organisation --country …`).
 */
export const countryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('organisations').addColumn('country', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('organisations').dropColumn('country').execute();
  },
};
