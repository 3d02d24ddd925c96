import { scenarioSchema, type Scenario } from './schema';
import { checkMeaning } from './check-meaning';
import { checkLocale } from './check-locale';
import { flattenZodIssues, jsonPath } from './issue-path';

/** One problem in one scenario file: file path, JSON path (`$.steps[2].object`) and what is wrong. */
export interface ScenarioIssue {
  file: string;
  path: string;
  message: string;
}

export interface ParseOptions {
  /** Contents of locales/nl/<scenario id>.json; when given, every translation key must be in it. */
  sourceLocale?: Record<string, unknown>;
  /** How to name the locale file in messages (default locales/nl/<id>.json). */
  sourceLocaleFile?: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Shape first (zod), then meaning; meaning is only checked on a well-shaped scenario. */
export function parseScenario(data: unknown, file: string, opts?: ParseOptions): ParseResult {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, issues: flattenZodIssues(parsed.error.issues, data).map((i) => ({ file, path: jsonPath(i.path), message: i.message })) };
  }
  const sc = parsed.data;
  const problems = checkMeaning(sc);
  if (opts?.sourceLocale) problems.push(...checkLocale(sc, opts.sourceLocale, opts.sourceLocaleFile ?? `locales/nl/${sc.id}.json`));
  if (problems.length > 0) return { ok: false, issues: problems.map((i) => ({ file, path: jsonPath(i.path), message: i.message })) };
  return { ok: true, scenario: sc };
}
