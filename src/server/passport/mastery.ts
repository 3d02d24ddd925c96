import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A module a trainee has mastered, and the session that showed it. */
export interface MasteredModule {
  organisationId: string;
  traineeId: string;
  /** A station's scenario id: a module is one station until learning paths (issue 26) group them. */
  moduleId: string;
  sessionId: string;
  achievedAt: string;
}

/**
 * When a trainee masters a module. Today one rule: a passed exam, under a server-issued exam attempt
 * (docs/exams.md) with no plausibility flag. Issue 26 adds its learning-path rule beside it; the
 * issuer takes whatever the rules find.
 */
export interface MasteryRule {
  /** Masteries with no credential yet, at most `limit`, oldest first. */
  newlyMastered(db: Kysely<Database>, modules: readonly string[], limit: number): Promise<MasteredModule[]>;
}

export const passedExamRule: MasteryRule = {
  async newlyMastered(db, modules, limit) {
    if (modules.length === 0) return [];
    const rows = await db
      .selectFrom('exam_attempts as a')
      .innerJoin('sessions as s', 's.id', 'a.session_id')
      .leftJoin('passport_credentials as c', 'c.session_id', 's.id')
      .select(['s.id', 's.organisation_id', 's.trainee_id', 's.scenario_id', 's.ended_at'])
      .where('c.id', 'is', null)
      .where('s.mode', '=', 'exam')
      .where('s.passed', '=', 1)
      .where('s.scenario_id', 'in', [...modules])
      // A flagged exam (late, too fast …) waits for the trainer: it is not signed on its own.
      .where(sql<boolean>`a.flags_json = '[]'`)
      .orderBy('s.ended_at')
      .limit(limit)
      .execute();
    return rows
      .filter((r) => r.organisation_id !== null && r.trainee_id !== null)
      .map((r) => ({ organisationId: r.organisation_id!, traineeId: r.trainee_id!, moduleId: r.scenario_id, sessionId: r.id, achievedAt: r.ended_at }));
  },
};
