import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sectorNames } from './statements';

export type StatementPath = { id: string; title: string } | null;

/**
 * The learning path a session's statements name as their second grouping: the path its trainee's
 * group follows when the statements are first made (export or forwarding), then kept with the session,
 * so the same statement id never comes again with other content (an LRS answers that with 409).
 */
export function learningPathOfSession(db: Kysely<Database>, now: () => Date): (session: { id: string; groupId: string }) => Promise<StatementPath> {
  return async ({ id, groupId }) => {
    const kept = await db.selectFrom('session_learning_paths').select(['path_id', 'path_title']).where('session_id', '=', id).executeTakeFirst();
    if (kept) return kept.path_id && kept.path_title ? { id: kept.path_id, title: kept.path_title } : null;
    const row = await db.selectFrom('group_paths').select('path_json').where('group_id', '=', groupId).executeTakeFirst();
    const path = row ? (JSON.parse(row.path_json) as { id: string; sector: string; name?: string }) : null;
    const found: StatementPath = path ? { id: path.id, title: path.name ?? `Leertraject ${sectorNames[path.sector] ?? path.sector}` } : null;
    await db
      .insertInto('session_learning_paths')
      .values({ session_id: id, path_id: found?.id ?? null, path_title: found?.title ?? null, at: now().toISOString() })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    // Another pass may have fixed it first: what is kept is what counts.
    const final = await db.selectFrom('session_learning_paths').select(['path_id', 'path_title']).where('session_id', '=', id).executeTakeFirstOrThrow();
    return final.path_id && final.path_title ? { id: final.path_id, title: final.path_title } : null;
  };
}
