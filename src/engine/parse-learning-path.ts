import { flattenZodIssues, jsonPath } from './issue-path';
import { learningPathSchema, type LearningPath } from './learning-path-schema';
import type { ScenarioIssue } from './parse';
import type { Scenario } from './schema';

export type LearningPathResult = { ok: true; path: LearningPath } | { ok: false; issues: ScenarioIssue[] };

/** What a path needs to know of each scenario it may name. */
export type PathScenario = Pick<Scenario, 'id' | 'sector' | 'country' | 'modes' | 'version'>;

/**
 * Shape (zod), then meaning against the scenarios there are: every module names a scenario that
 * exists, once; it is offered in the path's country; a module mastered by its exam has an exam mode;
 * `opensAfter` names only modules earlier in the list (so a path can never wait for itself).
 */
export function parseLearningPath(data: unknown, file: string, scenarios: readonly PathScenario[]): LearningPathResult {
  const parsed = learningPathSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, issues: flattenZodIssues(parsed.error.issues, data).map((i) => ({ file, path: jsonPath(i.path), message: i.message })) };
  }
  const path = parsed.data;
  const issues: ScenarioIssue[] = [];
  const problem = (at: string, message: string) => issues.push({ file, path: at, message });
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const seen = new Map<string, number>();
  path.modules.forEach((m, index) => {
    const at = `$.modules[${index}]`;
    const scenario = byId.get(m.scenarioId);
    if (!scenario) {
      const ofSector = scenarios.filter((s) => s.sector === path.sector).map((s) => s.id);
      problem(`${at}.scenarioId`, `no scenario "${m.scenarioId}"; the ${path.sector} scenarios are: ${ofSector.join(', ') || 'none'}`);
    } else {
      if (path.country && scenario.country && scenario.country !== path.country) {
        problem(`${at}.scenarioId`, `"${m.scenarioId}" follows the rules of ${scenario.country}, but this path is for ${path.country}`);
      }
      if (m.mastery.exam && !scenario.modes.includes('exam')) {
        problem(`${at}.mastery.exam`, `"${m.scenarioId}" has no exam mode: set exam to false, or give the scenario an exam`);
      }
    }
    const earlier = seen.get(m.scenarioId);
    if (earlier !== undefined) problem(`${at}.scenarioId`, `"${m.scenarioId}" is already module ${earlier + 1} of this path`);
    else seen.set(m.scenarioId, index);
    (m.opensAfter ?? []).forEach((after, j) => {
      const position = seen.get(after);
      if (position === undefined || position >= index) {
        problem(`${at}.opensAfter[${j}]`, `"${after}" is not a module before this one in the path; a module can only wait for earlier ones`);
      }
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, path };
}
