// `npm run check:scenes`: validates every scenes/<sector>/<station>/scenario.json (shape, meaning,
// source-locale keys) and its layout.json and exits non-zero with "file JSON-path: message" lines. Tests reuse loadScenes().
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLayoutFile } from './layout-file';
import { parseScenario, score, translationKeys, type Scenario, type ScenarioIssue, type SessionEvent } from '../src/engine';
import { AlignmentError, readEscoExtract, readModuleAlignment } from '../src/server/passport/module-alignment';
import { readLearningPaths } from '../src/server/learning-paths';
import { checkProcedureFile } from './procedure-file';

export interface LoadedScene {
  file: string;
  folder: string;
  scenario: Scenario | null;
  /** The author's ideal path (ideal-path.json beside scenario.json), or null when there is none. */
  idealPath: SessionEvent[] | null;
  issues: ScenarioIssue[];
  warnings: string[];
}

/** The commented template: validated and played like a station, but not shown in the app. */
export const templateFile = 'scenes/_template/scenario.json';
/** The VR tutorial: validated and played like a station; the app runs it before a first VR station. */
export const tutorialFile = 'scenes/_tutorial/scenario.json';
/** Scenarios outside scenes/<sector>/<station>/: no folder to compare, no review to ask for. */
const specialFiles = new Set([templateFile, tutorialFile]);

function readJson(file: string): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
}

function has(resource: unknown, key: string): boolean {
  let node = resource;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

/** Loads and validates one scenario file the way the build and the server do. */
export function loadScene(root: string, file: string): LoadedScene {
  const rel = relative(root, file).split('\\').join('/');
  const folder = rel.replace(/^scenes\//, '').replace(/\/scenario\.json$/, '');
  const out: LoadedScene = { file: rel, folder, scenario: null, idealPath: null, issues: [], warnings: [] };
  const isSpecial = specialFiles.has(rel);
  const json = readJson(file);
  if (!json.ok) {
    out.issues.push({ file: rel, path: '$', message: json.message });
    return out;
  }
  const id = (json.data as { id?: unknown } | null)?.id;
  const localeRel = `locales/nl/${typeof id === 'string' ? id : '<id>'}.json`;
  const localeFile = join(root, localeRel);
  let sourceLocale: Record<string, unknown> = {};
  if (existsSync(localeFile)) {
    const loc = readJson(localeFile);
    if (!loc.ok) out.issues.push({ file: localeRel, path: '$', message: loc.message });
    else sourceLocale = loc.data as Record<string, unknown>;
  }
  const parsed = parseScenario(json.data, rel, { sourceLocale, sourceLocaleFile: localeRel });
  if (!parsed.ok) {
    out.issues.push(...parsed.issues);
    return out;
  }
  const sc = parsed.scenario;
  // The folder is the station's address in the app and the results; it must agree with the data.
  const [sector, station] = folder.split('/');
  if (isSpecial) {
    // The template's and the tutorial's folders are not sector/station pairs; nothing to compare.
  } else if (sc.sector !== sector) out.issues.push({ file: rel, path: '$.sector', message: `"${sc.sector}" does not match the folder scenes/${sector}/` });
  if (!isSpecial && sc.station !== station) out.issues.push({ file: rel, path: '$.station', message: `"${sc.station}" does not match the folder scenes/${sector}/${station}/` });
  if (!sc.reviewed && !isSpecial) out.warnings.push(`${rel}: not reviewed yet (add "reviewed": { "by", "date" } once a trainer has checked the steps)`);
  const localesDir = join(root, 'locales');
  for (const lng of existsSync(localesDir) ? readdirSync(localesDir).sort() : []) {
    if (lng === 'nl') continue;
    const f = join(localesDir, lng, `${sc.id}.json`);
    if (!existsSync(f)) continue;
    const loc = readJson(f);
    const missing = loc.ok ? translationKeys(sc).filter((k) => !has(loc.data, k.key)) : [];
    if (missing.length > 0) out.warnings.push(`locales/${lng}/${sc.id}.json: ${missing.length} key(s) untranslated (falls back to Dutch): ${missing.map((m) => m.key).join(', ')}`);
  }
  checkListenSteps(root, rel, sc, sourceLocale, out);
  checkIdealPath(file.replace(/scenario\.json$/, 'ideal-path.json'), rel, sc, out);
  // The module's ESCO alignment beside it (docs/passport.md): without one, mastering it issues no credential.
  if (!isSpecial) checkAlignment(root, dirname(file), rel, out);
  // The layout (kit parts and static geometry): every object a step or rule needs is placed.
  const layout = loadLayoutFile(root, file, sc);
  out.issues.push(...layout.issues);
  if (!layout.layout && !existsSync(join(dirname(file), 'station.tsx'))) out.issues.push({ file: rel, path: '$', message: 'the station has neither layout.json nor station.tsx: nothing to show' });
  if (out.issues.length === 0) out.scenario = sc;
  return out;
}

/**
 * A listening step (`listen: true`) is only heard, in Dutch: its Dutch text must exist, be speakable
 * (no `{{value}}`: a recording cannot know it) and have a Dutch audio file (assets/audio/nl, made by
 * `npm run audio`), or the trainee gets an ear and silence. A centre's own recording may replace
 * that file, but cannot stand in for it: not every centre records.
 */
export function checkListenSteps(root: string, rel: string, sc: Scenario, sourceLocale: unknown, out: LoadedScene): void {
  const listening = sc.steps.map((step, i) => ({ step, i })).filter(({ step }) => step.listen === true);
  if (listening.length === 0) return;
  const manifestFile = join(root, 'assets/audio/nl/manifest.json');
  const manifest = existsSync(manifestFile) ? readJson(manifestFile) : null;
  const files = manifest?.ok ? ((manifest.data as { files?: Record<string, { file?: string }> }).files ?? {}) : {};
  for (const { step, i } of listening) {
    const path = `$.steps[${i}].listen`;
    const text = lookupText(sourceLocale, step.instruction);
    if (text === undefined) {
      out.issues.push({ file: rel, path, message: `a listening step needs its Dutch text: "${step.instruction}" is missing in locales/nl/${sc.id}.json` });
      continue;
    }
    if (/\{\{/.test(text)) out.issues.push({ file: rel, path, message: `a listening step's Dutch text cannot hold a {{value}} (no recording can say it): "${text}"` });
    const entry = files[`${sc.id}:${step.instruction}`];
    if (!entry?.file || !existsSync(join(root, 'assets/audio/nl', entry.file))) {
      out.issues.push({ file: rel, path, message: `a listening step is heard only: "${sc.id}:${step.instruction}" has no Dutch audio file in assets/audio/nl (run npm run audio)` });
    }
  }
}

function lookupText(resource: unknown, key: string): string | undefined {
  let node = resource;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

function checkAlignment(root: string, folder: string, scenarioRel: string, out: LoadedScene): void {
  if (!existsSync(join(folder, 'alignment.json'))) {
    out.warnings.push(`${scenarioRel.replace(/scenario\.json$/, 'alignment.json')}: missing; mastering this station issues no passport credential`);
    return;
  }
  try {
    readModuleAlignment(root, folder, readEscoExtract(root));
  } catch (error) {
    if (!(error instanceof AlignmentError)) throw error;
    for (const line of error.message.split('\n')) out.issues.push({ file: scenarioRel.replace(/scenario\.json$/, 'alignment.json'), path: '$', message: line });
  }
}

/** An author's ideal path must play to 100 in every mode: it proves the station can be done. */
function checkIdealPath(file: string, scenarioRel: string, sc: Scenario, out: LoadedScene): void {
  const rel = scenarioRel.replace(/scenario\.json$/, 'ideal-path.json');
  if (!existsSync(file)) {
    out.warnings.push(`${rel}: missing; without an ideal path the tests cannot play this station through`);
    return;
  }
  const json = readJson(file);
  const events = json.ok ? (json.data as { events?: unknown }).events : undefined;
  if (!json.ok || !Array.isArray(events)) {
    out.issues.push({ file: rel, path: '$.events', message: json.ok ? 'expected an array of events { t, action, object, value? }' : json.message });
    return;
  }
  out.idealPath = events.map((e: Omit<SessionEvent, 'device'> & { device?: SessionEvent['device'] }) => ({ device: 'desktop' as const, ...e }));
  for (const mode of sc.modes) {
    const r = score(sc, out.idealPath, mode);
    if (r.total !== 100 || !r.ended) {
      const lost = r.steps.filter((s) => s.earned < s.points).map((s) => `${s.id} (${s.done ? `${s.mistakes} mistake(s), ${s.hints} hint(s)` : 'not done'})`);
      const v = r.violations.map((x) => x.rule);
      out.issues.push({ file: rel, path: '$.events', message: `the ideal path scores ${r.total} in ${mode} mode, not 100${lost.length ? `; steps short: ${lost.join(', ')}` : ''}${v.length ? `; violations: ${v.join(', ')}` : ''}` });
    }
  }
}

export function sceneFiles(root: string): string[] {
  const scenes = join(root, 'scenes');
  const files: string[] = [];
  for (const sector of readdirSync(scenes).sort()) {
    if (!statSync(join(scenes, sector)).isDirectory()) continue;
    for (const station of readdirSync(join(scenes, sector)).sort()) {
      const f = join(scenes, sector, station, 'scenario.json');
      if (existsSync(f)) files.push(f);
    }
  }
  return files;
}

export function loadScenes(root: string, opts: { template?: boolean } = {}): LoadedScene[] {
  const files = sceneFiles(root);
  if (opts.template !== false && existsSync(join(root, templateFile))) files.push(join(root, templateFile));
  if (existsSync(join(root, tutorialFile))) files.push(join(root, tutorialFile));
  const loaded = files.map((f) => loadScene(root, f));
  const seen = new Map<string, string>();
  for (const l of loaded) {
    if (!l.scenario) continue;
    const other = seen.get(l.scenario.id);
    if (other) l.issues.push({ file: l.file, path: '$.id', message: `duplicate scenario id "${l.scenario.id}" (also in ${other})` });
    else seen.set(l.scenario.id, l.file);
  }
  return loaded;
}

/** `tsx scripts/check-scenes.ts [root]`: root defaults to the repository. */
function main(): void {
  const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
  const loaded = loadScenes(root);
  let errors = 0;
  for (const l of loaded) {
    for (const i of l.issues) console.error(`${i.file} ${i.path}: ${i.message}`);
    for (const w of l.warnings) console.warn(`warning: ${w}`);
    errors += l.issues.length;
    if (l.issues.length === 0) console.log(`ok ${l.file} (${l.scenario?.id} v${l.scenario?.version}, ${l.scenario?.steps.length} steps)`);
  }
  // Learning paths name the stations the server offers (not the template or the tutorial).
  const stations = loaded.filter((l) => l.scenario && !specialFiles.has(l.file)).map((l) => l.scenario!);
  const paths = readLearningPaths(root, stations);
  for (const i of paths.issues) console.error(`${i.file} ${i.path}: ${i.message}`);
  for (const p of paths.paths) console.log(`ok scenes/_paths/${p.id}.json (${p.modules.length} modules)`);
  // Procedure files (docs/procedures/<station>.md): each line mapped to what trains it, the targets met.
  const procedures = join(root, 'docs/procedures');
  const procedureFiles = existsSync(procedures) ? readdirSync(procedures).filter((f) => f.endsWith('.md')).sort() : [];
  for (const f of procedureFiles) {
    const checked = checkProcedureFile(join(procedures, f), stations);
    for (const i of checked.issues) console.error(`docs/procedures/${f}:${i.at}: ${i.message}`);
    errors += checked.issues.length;
    const n = checked.figures;
    if (n) console.log(`${checked.issues.length === 0 ? 'ok' : 'not ok'} docs/procedures/${f}: must-do acted ${n.mustDoActed}/${n.mustDo}, critical hazards detected ${n.criticalDetected}/${n.critical}, card steps ${n.cardSteps}/${n.steps}, terms ${n.terms}`);
  }
  for (const s of stations) if (!procedureFiles.includes(`${s.station}.md`)) console.warn(`warning: docs/procedures/${s.station}.md: missing; the station's steps and rules are not held against a sourced procedure`);
  if (errors > 0 || paths.issues.length > 0) {
    console.error(`${errors} problem(s) in ${loaded.filter((l) => l.issues.length > 0).length} of ${loaded.length} scenario file(s); ${paths.issues.length} in learning paths`);
    process.exit(1);
  }
  console.log(`${loaded.length} scenario(s) and ${paths.paths.length} learning path(s) valid`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
