import type { LearningPath, PathModule } from './learning-path-schema';
import { stuckRule } from './stuck';

/**
 * One finished attempt at a module, as the server stored and re-scored it. Exams count only when the
 * server issued the attempt and flagged nothing (the caller filters); `version` is the scenario's
 * major version it was played on.
 */
export interface ModuleAttempt {
  scenarioId: string;
  version: number;
  mode: 'practice' | 'exam';
  score: number;
  passed: boolean;
  /** A practice attempt that went on after a critical error (the trainee-learns issue) never counts. */
  continuedAfterCritical: boolean;
}

/** A module the trainee mastered, kept whatever happens to paths and groups afterwards. */
export interface ModuleMastery {
  scenarioId: string;
  /** The major version it was mastered on: a new major version asks for the exam again. */
  version: number;
  masteredAt: string;
}

/** A trainer opened or locked a module, or its exam, by hand for one trainee; the latest one counts. */
export interface ModuleOverride {
  scenarioId: string;
  what: 'module' | 'exam';
  open: boolean;
  at: string;
}

/** mastered; exam open; open to practise; locked (waiting for an earlier module, or locked by hand). */
export type ModuleState = 'mastered' | 'exam' | 'practice' | 'locked';

export interface ModuleProgress {
  scenarioId: string;
  state: ModuleState;
  /** The first module not yet mastered that the trainee may play: the map's "next". */
  next: boolean;
  practicePasses: number;
  practiceNeeded: number;
  examOpen: boolean;
  /** When the current major version was mastered (null: not yet). */
  masteredAt: string | null;
  /** Mastered on an earlier major version: it still opens what comes after it, and its exam is asked again. */
  refresh: boolean;
  /** What a trainer set by hand, if anything (shown beside the state, and recorded on the server). */
  byHand: { module?: boolean; exam?: boolean };
  /** Stuck on this open module: its last attempts brought no progress (`stuckRule.attemptsWithoutProgress`). */
  stuck: boolean;
}

export interface PathInput {
  /** Each module's current major version (its scenario's `version`). */
  versions: Readonly<Record<string, number>>;
  /** In the order they ended (the server sorts them): "stuck" reads the latest ones. */
  attempts: readonly ModuleAttempt[];
  masteries: readonly ModuleMastery[];
  overrides: readonly ModuleOverride[];
}

/** The modules a module waits for: its `opensAfter`, or the one before it in the list. */
export function prerequisitesOf(path: LearningPath, index: number): string[] {
  const m = path.modules[index]!;
  if (m.opensAfter) return m.opensAfter;
  return index === 0 ? [] : [path.modules[index - 1]!.scenarioId];
}

/** Whether one practice attempt counts towards a module on this major version. */
function countsAsPracticePass(module: PathModule, version: number, a: ModuleAttempt): boolean {
  return a.scenarioId === module.scenarioId && a.version === version && a.mode === 'practice' && a.passed && !a.continuedAfterCritical && a.score >= module.mastery.practiceMinScore;
}

/** Practice attempts that count towards a module on its current major version. */
export function countingPracticePasses(module: PathModule, version: number, attempts: readonly ModuleAttempt[]): number {
  return attempts.filter((a) => countsAsPracticePass(module, version, a)).length;
}

/**
 * Stuck on a module: the latest `stuckRule.attemptsWithoutProgress` attempts at its current version
 * brought no progress — none counted as a practice pass and none passed the exam.
 */
export function stuckOnModule(module: PathModule, version: number, attempts: readonly ModuleAttempt[]): boolean {
  const ofModule = attempts.filter((a) => a.scenarioId === module.scenarioId && a.version === version);
  const latest = ofModule.slice(-stuckRule.attemptsWithoutProgress);
  if (latest.length < stuckRule.attemptsWithoutProgress) return false;
  return latest.every((a) => !countsAsPracticePass(module, version, a) && !(a.mode === 'exam' && a.passed));
}

/**
 * Whether these attempts master the module on this major version: its exam passed, or for a module
 * without an exam its practice passes. The practice is enforced earlier: the server issues an exam
 * attempt only while the exam is open (by the path's rule, or a trainer's unlock by hand).
 */
export function reachesMastery(module: PathModule, version: number, attempts: readonly ModuleAttempt[]): boolean {
  if (module.mastery.exam) return attempts.some((a) => a.scenarioId === module.scenarioId && a.version === version && a.mode === 'exam' && a.passed);
  return countingPracticePasses(module, version, attempts) >= module.mastery.practicePasses;
}

function latestOverride(overrides: readonly ModuleOverride[], scenarioId: string, what: ModuleOverride['what']): boolean | undefined {
  let found: ModuleOverride | undefined;
  for (const o of overrides) if (o.scenarioId === scenarioId && o.what === what && (!found || o.at >= found.at)) found = o;
  return found?.open;
}

/** Where a trainee stands on a path: a pure function of the path and what the server stored. */
export function pathProgress(path: LearningPath, input: PathInput): ModuleProgress[] {
  const masteryOf = (scenarioId: string) => {
    const version = input.versions[scenarioId] ?? 0;
    const ofModule = input.masteries.filter((m) => m.scenarioId === scenarioId);
    const now = ofModule.find((m) => m.version === version);
    return { now: now ?? null, before: !now && ofModule.some((m) => m.version < version) };
  };
  const satisfied = (scenarioId: string) => {
    const m = masteryOf(scenarioId);
    return m.now !== null || m.before;
  };
  const out = path.modules.map((module, index): ModuleProgress => {
    const version = input.versions[module.scenarioId] ?? 0;
    const mastery = masteryOf(module.scenarioId);
    const moduleByHand = latestOverride(input.overrides, module.scenarioId, 'module');
    const examByHand = latestOverride(input.overrides, module.scenarioId, 'exam');
    const open = moduleByHand ?? prerequisitesOf(path, index).every(satisfied);
    const practicePasses = countingPracticePasses(module, version, input.attempts);
    const practiceMet = mastery.before || practicePasses >= module.mastery.practicePasses;
    const examOpen = mastery.now === null && (examByHand ?? (open && module.mastery.exam && practiceMet));
    const state: ModuleState = mastery.now ? 'mastered' : !open && !examByHand ? 'locked' : examOpen ? 'exam' : 'practice';
    return {
      scenarioId: module.scenarioId,
      state,
      next: false,
      practicePasses,
      practiceNeeded: module.mastery.practicePasses,
      examOpen,
      masteredAt: mastery.now?.masteredAt ?? null,
      refresh: mastery.before,
      byHand: { ...(moduleByHand === undefined ? {} : { module: moduleByHand }), ...(examByHand === undefined ? {} : { exam: examByHand }) },
      // Only where the trainee can still make progress: a mastered or locked module holds no one up.
      stuck: (state === 'practice' || state === 'exam') && stuckOnModule(module, version, input.attempts),
    };
  });
  const next = out.find((p) => p.state === 'exam' || p.state === 'practice');
  if (next) next.next = true;
  return out;
}
