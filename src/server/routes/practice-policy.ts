import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** What GET /api/practice-policy answers (src/app/use-practice-policy.ts reads it). */
export interface PracticePolicy {
  /** The server belongs to a centre: it has at least one organisation, so trainees have trainers. */
  centre: boolean;
  /** ANONYMOUS_PRACTICE=on: anyone may practise without signing in. */
  anonymousPractice: boolean;
  /** The start screen asks a trainee to sign in before a station can be played. */
  signInFirst: boolean;
}

/**
 * GET /api/practice-policy: whether a trainee signs in before playing. On a centre's server a result
 * played without signing in reaches no trainer, so the app asks to sign in first — unless the centre
 * allows anonymous practice (ANONYMOUS_PRACTICE=on), and then the end screen says no trainer sees it.
 * A server without any organisation has nobody to sign in to: anyone plays.
 */
export async function practicePolicyRoute(app: FastifyInstance, opts: { db: Kysely<Database>; anonymousPractice: boolean }) {
  app.get('/api/practice-policy', async (): Promise<PracticePolicy> => {
    const any = await opts.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
    const centre = any !== undefined;
    return { centre, anonymousPractice: opts.anonymousPractice, signInFirst: centre && !opts.anonymousPractice };
  });
}
