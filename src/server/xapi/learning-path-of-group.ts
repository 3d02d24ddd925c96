import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sectorNames } from './statements';

/**
 * The learning path each group follows, as an xAPI grouping activity (its id and Dutch name), read
 * once per group for one export or forwarding pass. The path the group follows when the statements
 * are made: an LRS sees the attempt within the path the trainee is on.
 */
export function learningPathOfGroup(db: Kysely<Database>): (groupId: string) => Promise<{ id: string; title: string } | null> {
  const seen = new Map<string, Promise<{ id: string; title: string } | null>>();
  return (groupId) => {
    let found = seen.get(groupId);
    if (!found) {
      found = db
        .selectFrom('group_paths')
        .select('path_json')
        .where('group_id', '=', groupId)
        .executeTakeFirst()
        .then((row) => {
          if (!row) return null;
          const path = JSON.parse(row.path_json) as { id: string; sector: string; name?: string };
          return { id: path.id, title: path.name ?? `Leertraject ${sectorNames[path.sector] ?? path.sector}` };
        });
      seen.set(groupId, found);
    }
    return found;
  };
}
