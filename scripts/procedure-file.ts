// A station's procedure file (docs/procedures/<station>.md, docs/authoring.md "Procedure files"): the real
// operator's procedure from named sources, one table line per must-do step, never-hazard, number, defect
// and Dutch term, each mapped to the steps, rules and objects of the scenario that train it. Checked
// against the scenario by `npm run check:scenes` and its unit test, so a line can never map to nothing.
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/engine';

export const checklistCategories = ['must-do', 'never', 'number', 'defect', 'term'] as const;
export type ChecklistCategory = (typeof checklistCategories)[number];
const severities = ['critical', 'major', 'minor'] as const;
const checklistColumns = ['id', 'category', 'severity', 'line', 'source', 'section', 'trains'];
/** Steps the trainee does by choosing a card rather than by acting on the placed object. */
const cardActions = new Set(['answer', 'classify']);

export const procedureTargets = {
  /** Share of must-do lines trained by a step done on the placed object (not a card). */
  mustDoActed: 0.95,
  /** Largest share of a station's steps that may be cards. */
  cardSteps: 0.25,
  /** Fewest Dutch workplace terms. */
  terms: 12,
};

export interface ChecklistLine {
  id: string;
  category: ChecklistCategory;
  severity: (typeof severities)[number] | null;
  line: string;
  sources: string[];
  section: string;
  trains: { kind: 'step' | 'rule' | 'object'; id: string }[];
  /** 1-based line of the markdown file, for messages. */
  at: number;
}

export interface ProcedureFile {
  /** The scenario it describes, as written on its `Scenario:` line (sector/station). */
  scenario: string | null;
  sources: Map<string, string>;
  lines: ChecklistLine[];
}

export interface ProcedureIssue {
  at: number;
  message: string;
}

export interface ProcedureFigures {
  mustDo: number;
  mustDoActed: number;
  critical: number;
  criticalDetected: number;
  steps: number;
  cardSteps: number;
  terms: number;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** The table rows under a `## <heading>` (header and separator rows dropped), with their line numbers. */
function tableUnder(lines: string[], heading: string): { header: string[]; rows: { cells: string[]; at: number }[] } | null {
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading}`);
  if (start < 0) return null;
  const rows: { cells: string[]; at: number }[] = [];
  let header: string[] | null = null;
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const l = lines[i]!.trim();
    if (!l.startsWith('|')) continue;
    const c = cells(l);
    if (!header) header = c.map((h) => h.toLowerCase());
    else if (c.every((x) => /^:?-+:?$/.test(x))) continue;
    else rows.push({ cells: c, at: i + 1 });
  }
  return header ? { header, rows } : null;
}

/** Parses the file's text; problems of form come back as issues rather than throwing. */
export function parseProcedureFile(text: string): { file: ProcedureFile; issues: ProcedureIssue[] } {
  const lines = text.split('\n');
  const issues: ProcedureIssue[] = [];
  const scenarioLine = lines.findIndex((l) => /^scenario:/i.test(l.trim()));
  const scenario = scenarioLine >= 0 ? lines[scenarioLine]!.replace(/^\s*scenario:\s*/i, '').replace(/`/g, '').trim() : null;
  if (!scenario) issues.push({ at: 1, message: 'no "Scenario: <sector>/<station>" line names the scenario this procedure is for' });

  const sources = new Map<string, string>();
  const sourceTable = tableUnder(lines, 'sources');
  if (!sourceTable) issues.push({ at: 1, message: 'no "## Sources" table (ref | source)' });
  for (const row of sourceTable?.rows ?? []) {
    const [ref, source] = row.cells;
    if (!ref || !source) issues.push({ at: row.at, message: 'a source needs a ref and the source itself (title, edition or date, section or URL)' });
    else if (sources.has(ref)) issues.push({ at: row.at, message: `source ref "${ref}" is used twice` });
    else sources.set(ref, source);
  }

  const out: ChecklistLine[] = [];
  const table = tableUnder(lines, 'checklist');
  if (!table) issues.push({ at: 1, message: `no "## Checklist" table (${checklistColumns.join(' | ')})` });
  else if (table.header.join('|') !== checklistColumns.join('|')) {
    issues.push({ at: 1, message: `the checklist's columns must be ${checklistColumns.join(' | ')} (found ${table.header.join(' | ')})` });
    return { file: { scenario, sources, lines: out }, issues };
  }
  const ids = new Set<string>();
  for (const row of table?.rows ?? []) {
    const [id = '', category = '', severity = '', line = '', source = '', section = '', trains = ''] = row.cells;
    const where = `line ${id || '(no id)'}`;
    if (row.cells.length !== checklistColumns.length) issues.push({ at: row.at, message: `${where}: ${row.cells.length} cells, expected ${checklistColumns.length}` });
    if (!id) issues.push({ at: row.at, message: 'a checklist line without an id' });
    else if (ids.has(id)) issues.push({ at: row.at, message: `${where}: the id is used twice` });
    ids.add(id);
    if (!(checklistCategories as readonly string[]).includes(category)) issues.push({ at: row.at, message: `${where}: category "${category}" is not one of ${checklistCategories.join(', ')}` });
    const sev = severity === '' ? null : severity;
    if (category === 'never' && !(severities as readonly string[]).includes(sev ?? '')) issues.push({ at: row.at, message: `${where}: a never-hazard needs its severity (${severities.join(', ')})` });
    if (category !== 'never' && sev !== null) issues.push({ at: row.at, message: `${where}: only a never-hazard has a severity` });
    if (!line) issues.push({ at: row.at, message: `${where}: says nothing (the line column is empty)` });
    const refs = source.split(',').map((s) => s.trim()).filter(Boolean);
    if (refs.length === 0) issues.push({ at: row.at, message: `${where}: names no source` });
    for (const r of refs) if (!sources.has(r)) issues.push({ at: row.at, message: `${where}: source "${r}" is not in the Sources table` });
    if (!section) issues.push({ at: row.at, message: `${where}: names no section of its source (the page, article, chapter or step)` });
    const mapped: ChecklistLine['trains'] = [];
    for (const t of trains.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = /^(step|rule|object):([\w.-]+)$/.exec(t);
      if (!m) issues.push({ at: row.at, message: `${where}: "${t}" is not step:<id>, rule:<id> or object:<id>` });
      else mapped.push({ kind: m[1] as 'step' | 'rule' | 'object', id: m[2]! });
    }
    if (mapped.length === 0) issues.push({ at: row.at, message: `${where}: maps to nothing (no step, rule or object trains it)` });
    out.push({ id, category: category as ChecklistCategory, severity: sev as ChecklistLine['severity'], line, sources: refs, section, trains: mapped, at: row.at });
  }
  return { file: { scenario, sources, lines: out }, issues };
}

/** Holds a parsed procedure against its scenario: ids exist, hazards are detected, the targets are met. */
export function checkProcedure(file: ProcedureFile, sc: Scenario): { issues: ProcedureIssue[]; figures: ProcedureFigures } {
  const issues: ProcedureIssue[] = [];
  const steps = new Map(sc.steps.map((s) => [s.id, s]));
  const rules = new Map([...sc.rules, ...sc.sequences].map((r) => [r.id, r]));
  const objects = new Set(sc.objects.map((o) => o.id));
  for (const l of file.lines) {
    for (const t of l.trains) {
      const known = t.kind === 'step' ? steps.has(t.id) : t.kind === 'rule' ? rules.has(t.id) : objects.has(t.id);
      if (!known) issues.push({ at: l.at, message: `line ${l.id}: ${t.kind} "${t.id}" does not exist in ${sc.id}` });
    }
    // A Dutch term is learnt from the object that carries it (the word the trainee sees and hears there).
    if (l.category === 'term' && !l.trains.some((t) => t.kind === 'object' && sc.objects.some((o) => o.id === t.id && o.term))) issues.push({ at: l.at, message: `line ${l.id}: a Dutch term must map to an object:<id> whose term the trainee sees and hears` });
    if (l.category === 'never') {
      const detecting = l.trains.filter((t) => t.kind === 'rule').map((t) => rules.get(t.id)).filter((r) => r !== undefined);
      if (detecting.length === 0) issues.push({ at: l.at, message: `line ${l.id}: a never-hazard must be detected by a rule` });
      else if (l.severity === 'critical' && !detecting.some((r) => r.severity === 'critical')) issues.push({ at: l.at, message: `line ${l.id}: a critical hazard must be detected by a rule of severity critical (found ${detecting.map((r) => `${r.id}: ${r.severity}`).join(', ')})` });
    }
  }
  const acted = (l: ChecklistLine) => l.trains.some((t) => t.kind === 'step' && steps.has(t.id) && !cardActions.has(steps.get(t.id)!.action));
  const mustDo = file.lines.filter((l) => l.category === 'must-do');
  const critical = file.lines.filter((l) => l.category === 'never' && l.severity === 'critical');
  const figures: ProcedureFigures = {
    mustDo: mustDo.length,
    mustDoActed: mustDo.filter(acted).length,
    critical: critical.length,
    criticalDetected: critical.filter((l) => l.trains.some((t) => t.kind === 'rule' && rules.get(t.id)?.severity === 'critical')).length,
    steps: sc.steps.length,
    cardSteps: sc.steps.filter((s) => cardActions.has(s.action)).length,
    terms: file.lines.filter((l) => l.category === 'term').length,
  };
  if (figures.mustDo === 0) issues.push({ at: 1, message: 'the checklist has no must-do line' });
  else if (figures.mustDoActed < procedureTargets.mustDoActed * figures.mustDo) {
    const missing = mustDo.filter((l) => !acted(l)).map((l) => l.id);
    issues.push({ at: 1, message: `${figures.mustDoActed} of ${figures.mustDo} must-do lines are trained by a step on the placed object, fewer than ${procedureTargets.mustDoActed * 100} % (not acted: ${missing.join(', ')})` });
  }
  if (figures.cardSteps > procedureTargets.cardSteps * figures.steps) issues.push({ at: 1, message: `${figures.cardSteps} of ${figures.steps} steps are cards (answer, classify), more than a quarter` });
  if (figures.terms < procedureTargets.terms) issues.push({ at: 1, message: `${figures.terms} Dutch workplace terms, fewer than ${procedureTargets.terms}` });
  return { issues, figures };
}

/** Reads, parses and checks one procedure file against the scenario it names. */
export function checkProcedureFile(path: string, scenarios: readonly Scenario[]): { issues: ProcedureIssue[]; figures: ProcedureFigures | null; scenario: string | null } {
  const { file, issues } = parseProcedureFile(readFileSync(path, 'utf8'));
  if (!file.scenario) return { issues, figures: null, scenario: null };
  const sc = scenarios.find((s) => `${s.sector}/${s.station}` === file.scenario);
  if (!sc) return { issues: [...issues, { at: 1, message: `scenario "${file.scenario}" is not a station under scenes/` }], figures: null, scenario: file.scenario };
  const checked = checkProcedure(file, sc);
  return { issues: [...issues, ...checked.issues], figures: checked.figures, scenario: file.scenario };
}
