import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Country } from '../db/schema-organisations';
import { pathExamRefusal, type ModuleVersions } from '../trainee-path';

export interface TraineeAssignments {
  /** Scenario ids the trainee's group sees; null: every station (no choice made yet). */
  stations: string[] | null;
  /** Unlocked for the trainee or for their whole group. */
  exam: boolean;
  examByGroup: boolean;
  examByTrainee: boolean;
  /** The organisation's country (its stations' legal limits); null: not chosen yet, every station. */
  country: Country | null;
}

/** What one trainee may play: their group's stations and whether exam mode is unlocked. */
export async function traineeAssignments(db: Kysely<Database>, traineeId: string): Promise<TraineeAssignments | null> {
  const trainee = await db
    .selectFrom('trainees')
    .innerJoin('organisations', 'organisations.id', 'trainees.organisation_id')
    .select(['trainees.id', 'trainees.group_id', 'organisations.country'])
    .where('trainees.id', '=', traineeId)
    .executeTakeFirst();
  if (!trainee) return null;
  const stations = await db.selectFrom('group_stations').select('scenario_id').where('group_id', '=', trainee.group_id).orderBy('scenario_id').execute();
  const unlocks = await db
    .selectFrom('exam_unlocks')
    .select(['subject_kind'])
    .where((eb) => eb.or([eb.and([eb('subject_kind', '=', 'trainee'), eb('subject_id', '=', trainee.id)]), eb.and([eb('subject_kind', '=', 'group'), eb('subject_id', '=', trainee.group_id)])]))
    .execute();
  const examByGroup = unlocks.some((u) => u.subject_kind === 'group');
  const examByTrainee = unlocks.some((u) => u.subject_kind === 'trainee');
  return { stations: stations.length > 0 ? stations.map((s) => s.scenario_id) : null, exam: examByGroup || examByTrainee, examByGroup, examByTrainee, country: trainee.country };
}

/**
 * Why an exam is refused, or null when it may be played and stored. Open by the trainer's unlock by
 * hand (trainee or group), or by the learning path of the trainee's group (given the catalog's
 * versions): a module on the path opens its exam by the path's rule alone.
 */
export async function examRefusal(db: Kysely<Database>, traineeId: string | null, scenarioId: string, versions?: ModuleVersions): Promise<string | null> {
  if (traineeId === null) return 'an exam needs a trainee signed in with a join code; anonymous play is practice only';
  const a = await traineeAssignments(db, traineeId);
  let open = a?.exam ?? false;
  if (a && !open && versions) {
    const byPath = await pathExamRefusal(db, traineeId, scenarioId, versions);
    if (byPath.onPath && byPath.refusal) return byPath.refusal;
    open = byPath.onPath;
  }
  if (!open) return 'exam mode is not unlocked for this trainee; ask the trainer to unlock it';
  if (a!.stations !== null && !a!.stations.includes(scenarioId)) return `station ${scenarioId} is not assigned to this trainee's group`;
  return null;
}
