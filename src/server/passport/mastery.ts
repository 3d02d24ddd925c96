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
 * When a trainee masters a module: a passed exam, under a server-issued exam attempt (docs/exams.md)
 * with no plausibility flag; or the learning-path rule (a module mastered on the group's path, by
 * practice alone where the path says so). The issuer takes whatever the rules find.
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

/**
 * The learning-path rule (issue 26): a module the trainee mastered on their group's path, as recorded
 * in module_masteries (by its exam, or by practice alone where the path says so). A mastery by exam is
 * the same session as the passed-exam rule's: the credential's unique session keeps it to one.
 */
export const pathMasteryRule: MasteryRule = {
  async newlyMastered(db, modules, limit) {
    if (modules.length === 0) return [];
    const rows = await db
      .selectFrom('module_masteries as m')
      .leftJoin('passport_credentials as c', 'c.session_id', 'm.session_id')
      .select(['m.organisation_id', 'm.trainee_id', 'm.scenario_id', 'm.session_id', 'm.mastered_at'])
      .where('c.id', 'is', null)
      .where('m.scenario_id', 'in', [...modules])
      .orderBy('m.mastered_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, traineeId: r.trainee_id, moduleId: r.scenario_id, sessionId: r.session_id, achievedAt: r.mastered_at }));
  },
};
