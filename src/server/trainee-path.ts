import type { Kysely } from 'kysely';
import { learningPathSchema, pathProgress, reachesMastery, countingPracticePasses, type LearningPath, type ModuleAttempt, type ModuleMastery, type ModuleOverride, type ModuleProgress } from '../engine';
import type { Database } from './db/schema';

/** Each module's current major version (its scenario's `version`), from the server's catalog. */
export type ModuleVersions = Readonly<Record<string, number>>;

export interface TraineePath {
  path: LearningPath;
  sourcePathId: string;
  modules: ModuleProgress[];
  /** Masteries this call found and recorded (they wake the passport's issuer). */
  recorded: number;
}

/** The path of the trainee's group, or null when the group has none (exams then open by hand only). */
export async function groupPathOfTrainee(db: Kysely<Database>, traineeId: string): Promise<{ path: LearningPath; sourcePathId: string; organisationId: string } | null> {
  const row = await db
    .selectFrom('trainees as t')
    .innerJoin('group_paths as p', 'p.group_id', 't.group_id')
    .select(['p.path_json', 'p.source_path_id', 't.organisation_id'])
    .where('t.id', '=', traineeId)
    .executeTakeFirst();
  // Stored paths were validated on write; parsing again fills defaults the same way everywhere.
  return row ? { path: learningPathSchema.parse(JSON.parse(row.path_json)), sourcePathId: row.source_path_id, organisationId: row.organisation_id } : null;
}

interface AttemptRow extends ModuleAttempt {
  sessionId: string;
  endedAt: string;
}

/**
 * A trainee's finished attempts at these modules, as the server scored them. An exam counts only when
 * it was played under a server-issued attempt that nothing flagged (as for the passport); a practice
 * attempt with a critical violation went on after it (or failed by it) and never counts.
 */
async function attemptsOf(db: Kysely<Database>, traineeId: string, scenarioIds: readonly string[]): Promise<AttemptRow[]> {
  if (scenarioIds.length === 0) return [];
  const rows = await db
    .selectFrom('sessions as s')
    .leftJoin('exam_attempts as a', 'a.session_id', 's.id')
    .select(['s.id', 's.scenario_id', 's.scenario_version', 's.mode', 's.score', 's.passed', 's.critical_violations', 's.ended_at', 'a.id as attempt_id', 'a.flags_json'])
    .where('s.trainee_id', '=', traineeId)
    .where('s.scenario_id', 'in', [...scenarioIds])
    .orderBy('s.ended_at')
    .execute();
  return rows.flatMap((r): AttemptRow[] => {
    if (r.mode !== 'practice' && r.mode !== 'exam') return [];
    if (r.mode === 'exam' && (r.attempt_id === null || r.flags_json !== '[]')) return [];
    return [{ sessionId: r.id, endedAt: r.ended_at, scenarioId: r.scenario_id, version: r.scenario_version, mode: r.mode, score: r.score, passed: r.passed === 1, continuedAfterCritical: r.mode === 'practice' && (r.critical_violations ?? 0) > 0 }];
  });
}

/**
 * Records the modules of the path this trainee has now mastered (on their current major version).
 * Recorded once, mastery stays: a later edit of the path or a move to another group keeps it.
 */
async function recordMasteries(db: Kysely<Database>, who: { traineeId: string; organisationId: string }, path: LearningPath, versions: ModuleVersions, attempts: readonly AttemptRow[], known: readonly ModuleMastery[]): Promise<ModuleMastery[]> {
  const added: ModuleMastery[] = [];
  for (const module of path.modules) {
    const version = versions[module.scenarioId];
    if (version === undefined || known.some((m) => m.scenarioId === module.scenarioId && m.version === version)) continue;
    if (!reachesMastery(module, version, attempts)) continue;
    const ofModule = attempts.filter((a) => a.scenarioId === module.scenarioId && a.version === version);
    // The session that completed it: the first passed exam, or the practice pass that reached the count.
    const by = module.mastery.exam
      ? ofModule.find((a) => a.mode === 'exam' && a.passed)!
      : ofModule.filter((_, i) => countingPracticePasses(module, version, ofModule.slice(0, i + 1)) >= module.mastery.practicePasses)[0]!;
    const mastery: ModuleMastery = { scenarioId: module.scenarioId, version, masteredAt: by.endedAt };
    await db
      .insertInto('module_masteries')
      .values({ trainee_id: who.traineeId, organisation_id: who.organisationId, scenario_id: module.scenarioId, version, mastered_at: by.endedAt, session_id: by.sessionId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    added.push(mastery);
  }
  return added;
}

/** Where one trainee stands on a path, recording any mastery it finds. */
async function progressOnPath(db: Kysely<Database>, who: { traineeId: string; organisationId: string }, path: LearningPath, versions: ModuleVersions): Promise<{ modules: ModuleProgress[]; recorded: number }> {
  const ids = path.modules.map((m) => m.scenarioId);
  const [attempts, masteryRows, overrideRows] = await Promise.all([
    attemptsOf(db, who.traineeId, ids),
    db.selectFrom('module_masteries').select(['scenario_id', 'version', 'mastered_at']).where('trainee_id', '=', who.traineeId).execute(),
    db.selectFrom('module_overrides').select(['scenario_id', 'what', 'open', 'at']).where('trainee_id', '=', who.traineeId).orderBy('at').execute(),
  ]);
  const masteries: ModuleMastery[] = masteryRows.map((r) => ({ scenarioId: r.scenario_id, version: Number(r.version), masteredAt: r.mastered_at }));
  const added = await recordMasteries(db, who, path, versions, attempts, masteries);
  masteries.push(...added);
  const overrides: ModuleOverride[] = overrideRows.map((r) => ({ scenarioId: r.scenario_id, what: r.what, open: Number(r.open) === 1, at: r.at }));
  return { modules: pathProgress(path, { versions, attempts, masteries, overrides }), recorded: added.length };
}

/** Where one trainee stands on their group's path (null: no path), recording any mastery it finds. */
export async function traineePathProgress(db: Kysely<Database>, traineeId: string, versions: ModuleVersions): Promise<TraineePath | null> {
  const group = await groupPathOfTrainee(db, traineeId);
  if (!group) return null;
  return { path: group.path, sourcePathId: group.sourcePathId, ...(await progressOnPath(db, { traineeId, organisationId: group.organisationId }, group.path, versions)) };
}

export interface GroupOnPath {
  path: LearningPath;
  sourcePathId: string;
  trainees: { id: string; code: string; alias: string | null; modules: ModuleProgress[] }[];
}

/** Every trainee of a group on the group's path (null: the group has none), for the trainer's view of who is where. */
export async function groupPathProgress(db: Kysely<Database>, groupId: string, versions: ModuleVersions): Promise<GroupOnPath | null> {
  const row = await db.selectFrom('group_paths').select(['path_json', 'source_path_id', 'organisation_id']).where('group_id', '=', groupId).executeTakeFirst();
  if (!row) return null;
  const path = learningPathSchema.parse(JSON.parse(row.path_json));
  const trainees = await db.selectFrom('trainees').select(['id', 'code', 'alias']).where('group_id', '=', groupId).orderBy('code').execute();
  const out: GroupOnPath['trainees'] = [];
  // One trainee after the other: a class is a few dozen, and each may record a mastery as it goes.
  for (const t of trainees) out.push({ id: t.id, code: t.code, alias: t.alias, modules: (await progressOnPath(db, { traineeId: t.id, organisationId: row.organisation_id }, path, versions)).modules });
  return { path, sourcePathId: row.source_path_id, trainees: out };
}

/**
 * Why the path keeps this exam closed, or null when the path opens it (or does not hold the module,
 * or the trainee's group has no path: then the trainer's unlock by hand decides, as before paths).
 */
export async function pathExamRefusal(db: Kysely<Database>, traineeId: string, scenarioId: string, versions: ModuleVersions): Promise<{ onPath: boolean; refusal: string | null }> {
  const progress = await traineePathProgress(db, traineeId, versions);
  const module = progress?.modules.find((m) => m.scenarioId === scenarioId);
  if (!progress || !module) return { onPath: false, refusal: null };
  if (module.examOpen) return { onPath: true, refusal: null };
  const index = progress.path.modules.findIndex((m) => m.scenarioId === scenarioId);
  const spec = progress.path.modules[index]!;
  switch (module.state) {
    case 'mastered':
      return { onPath: true, refusal: `${scenarioId} is already mastered on its current version; its exam does not open again` };
    case 'locked':
      return { onPath: true, refusal: `${scenarioId} is still locked on this trainee's learning path: it opens when ${(spec.opensAfter ?? [progress.path.modules[index - 1]?.scenarioId]).join(', ')} is mastered` };
    default:
      return spec.mastery.exam
        ? { onPath: true, refusal: `the exam of ${scenarioId} opens after ${module.practiceNeeded} practice attempts scored at least ${spec.mastery.practiceMinScore} (${module.practicePasses} so far)` }
        : { onPath: true, refusal: `${scenarioId} has no exam on this trainee's learning path: it is mastered by practice` };
  }
}

/** A trainer's open or lock by hand, kept with who and when. */
export async function recordModuleOverride(db: Kysely<Database>, o: { id: string; traineeId: string; organisationId: string; scenarioId: string; what: 'module' | 'exam'; open: boolean; at: string; trainerId: string }): Promise<void> {
  await db.insertInto('module_overrides').values({ id: o.id, trainee_id: o.traineeId, organisation_id: o.organisationId, scenario_id: o.scenarioId, what: o.what, open: o.open ? 1 : 0, at: o.at, trainer_id: o.trainerId }).execute();
}
