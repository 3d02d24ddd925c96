import type { Scenario, SessionEvent } from '../../engine';
import { sessionTimeline } from '../dashboard/session-timeline';
import { isoDuration } from './iso-duration';
import { statementId } from './statement-id';
import { activityTypes, cmi5, extension, verbs } from './vocabulary';

/** One stored attempt as the statements need it (the dashboard's session summary has these fields). */
export interface AttemptRecord {
  id: string;
  traineeCode: string;
  scenarioId: string;
  scenarioVersion: number;
  mode: string;
  device: string;
  language: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  score: number;
  passed: boolean;
}

/** Dutch names of the station and its steps and rules (the trainer's texts; the ids when missing). */
export interface StationNames {
  title: string;
  step(id: string): string;
  rule(id: string): string;
}

export interface StatementOptions {
  /** Where every IRI starts (identifiers.ts): one per installation or organisation, never per request. */
  base: string;
  names: StationNames;
  /** The learning path the attempt belongs to, when one exists: a second grouping beside the sector. */
  learningPath?: { id: string; title: string };
}

export type Statement = Record<string, unknown> & { id: string; timestamp: string };

export const sectorNames: Record<string, string> = { core: 'Basis', wood: 'Hout', food: 'Voeding', plastics: 'Kunststoffen', textile: 'Textiel' };
const name = (text: string) => ({ nl: text });
const at = (startedAt: string, t: number) => new Date(Date.parse(startedAt) + t).toISOString();

function actor(base: string, a: AttemptRecord) {
  // The pseudonym, never the trainer's alias: an LRS learns no more than the code.
  return { objectType: 'Agent', account: { homePage: base, name: a.traineeCode } };
}

function stationActivity(base: string, a: AttemptRecord, names: StationNames) {
  return { objectType: 'Activity', id: `${base}/stations/${encodeURIComponent(a.scenarioId)}`, definition: { name: name(names.title), type: activityTypes.simulation } };
}

/**
 * The export's default form, one statement per attempt as before: ADL passed/failed with the
 * server's score, the session id as statement id and registration.
 */
export function attemptStatement(a: AttemptRecord, opts: StatementOptions): Statement {
  const { base } = opts;
  return {
    id: a.id,
    actor: actor(base, a),
    verb: a.passed ? verbs.passed : verbs.failed,
    object: stationActivity(base, a, opts.names),
    result: {
      score: { scaled: Math.round(a.score) / 100, raw: a.score, min: 0, max: 100 },
      success: a.passed,
      completion: true,
      duration: isoDuration(a.durationMs),
    },
    context: {
      registration: a.id,
      language: a.language,
      platform: a.device,
      extensions: { [extension(base, 'mode')]: a.mode, [extension(base, 'station-version')]: a.scenarioVersion },
    },
    timestamp: a.endedAt,
  };
}

/**
 * Everything that happened in one attempt, in the order it happened (docs/xapi.md): cmi5's
 * launched, initialized, [completed,] passed/failed, terminated for the attempt itself, and between
 * them a statement per step completed, mistake, safety violation and hint. Practice is cmi5's
 * Browse mode (no passed/failed/completed: its result is `scored`), an exam its Normal mode.
 * Pure: the same attempt gives the same statements, ids included, on every call.
 */
export function attemptStatementSet(a: AttemptRecord, scenario: Scenario, events: readonly SessionEvent[], opts: StatementOptions): Statement[] {
  const { base, names } = opts;
  const exam = a.mode === 'exam';
  const station = stationActivity(base, a, names);
  const grouping: object[] = [
    { objectType: 'Activity', id: `${base}/sectors/${encodeURIComponent(scenario.sector)}`, definition: { name: name(sectorNames[scenario.sector] ?? scenario.sector), type: activityTypes.sector(base) } },
  ];
  if (opts.learningPath) {
    grouping.push({ objectType: 'Activity', id: `${base}/paths/${encodeURIComponent(opts.learningPath.id)}`, definition: { name: name(opts.learningPath.title), type: activityTypes.course } });
  }
  const baseExtensions = { [extension(base, 'mode')]: a.mode, [extension(base, 'station-version')]: a.scenarioVersion, [cmi5.sessionId]: a.id };
  // cmi5: the attempt's own statements (object: the station); moveon: those that count for it;
  // inside: what happened in the station (parent: the station); result: practice's score.
  const context = (kind: 'cmi5' | 'moveon' | 'inside' | 'result', extra: Record<string, unknown> = {}) => {
    const category = kind === 'cmi5' || kind === 'moveon' ? [{ id: cmi5.category }, ...(kind === 'moveon' ? [{ id: cmi5.moveOn }] : [])] : undefined;
    return {
      registration: a.id,
      language: a.language,
      platform: a.device,
      contextActivities: { ...(kind === 'inside' ? { parent: [station] } : {}), grouping, ...(category ? { category } : {}) },
      extensions: { ...baseExtensions, ...extra },
    };
  };
  const who = actor(base, a);
  const out: Statement[] = [];
  const push = (key: string, timestamp: string, body: Record<string, unknown>) => out.push({ id: statementId(a.id, key), actor: who, ...body, timestamp });

  push('launched', a.startedAt, {
    verb: verbs.launched,
    object: station,
    context: context('cmi5', { [cmi5.launchMode]: exam ? 'Normal' : 'Browse', [cmi5.launchUrl]: `${base}/`, [cmi5.moveOnExtension]: exam ? 'Passed' : 'NotApplicable' }),
  });
  push('initialized', a.startedAt, { verb: verbs.initialized, object: station, context: context('cmi5') });

  const timeline = sessionTimeline(scenario, events, exam ? 'exam' : 'practice');
  const stepInfo = new Map(timeline.steps.map((s) => [s.id, s]));
  const competencyOf = new Map(scenario.steps.map((s) => [s.id, s.competency]));
  const stepActivity = (id: string) => ({
    objectType: 'Activity',
    id: `${station.id}/steps/${encodeURIComponent(id)}`,
    definition: { name: name(names.step(id)), type: activityTypes.step(base) },
  });
  let mistakeNo = 0;
  let violationNo = 0;
  let hintNo = 0;
  for (const entry of timeline.events) {
    const when = at(a.startedAt, entry.t);
    for (const m of entry.mistakes) {
      const object = m.step
        ? stepActivity(m.step)
        : { objectType: 'Activity', id: `${station.id}/objects/${encodeURIComponent(entry.object)}`, definition: { name: name(entry.object), type: activityTypes.object(base) } };
      const competency = m.step ? competencyOf.get(m.step) : undefined;
      push(`mistake/${mistakeNo++}`, when, {
        verb: verbs.attempted,
        object,
        result: { success: false, response: `${entry.action} ${entry.object}`.slice(0, 200) },
        context: context('inside', { [extension(base, 'mistake')]: m.kind, ...(competency ? { [extension(base, 'competency')]: competency } : {}) }),
      });
    }
    for (const v of entry.violations) {
      const rule = scenario.rules.find((r) => r.id === v.rule) ?? scenario.sequences.find((r) => r.id === v.rule);
      push(`violation/${violationNo++}`, when, {
        verb: verbs.violated(base),
        object: { objectType: 'Activity', id: `${station.id}/rules/${encodeURIComponent(v.rule)}`, definition: { name: name(names.rule(v.rule)), type: activityTypes.rule(base) } },
        result: { success: false },
        context: context('inside', {
          [extension(base, 'severity')]: v.severity,
          [extension(base, 'critical')]: v.critical,
          [extension(base, 'penalty')]: v.penalty,
          [extension(base, 'competency')]: rule?.competency ?? 'safety',
        }),
      });
    }
    if (entry.hint) {
      push(`hint/${hintNo++}`, when, {
        verb: verbs.asked,
        object: { objectType: 'Activity', id: `${stepActivity(entry.hint).id}/hint`, definition: { name: name(names.step(entry.hint)), type: activityTypes.hint(base) } },
        context: context('inside', { [extension(base, 'competency')]: competencyOf.get(entry.hint) ?? 'procedure' }),
      });
    }
    for (const id of entry.completed) {
      const s = stepInfo.get(id);
      push(`step/${id}`, when, {
        verb: verbs.completed,
        object: stepActivity(id),
        result: {
          success: (s?.mistakes ?? 0) === 0,
          completion: true,
          ...(s && s.points > 0 ? { score: { raw: s.earned, min: 0, max: s.points, scaled: Math.round((s.earned / s.points) * 100) / 100 } } : {}),
          ...(s?.durationMs !== null && s?.durationMs !== undefined ? { duration: isoDuration(s.durationMs) } : {}),
          extensions: { [extension(base, 'mistakes')]: s?.mistakes ?? 0, [extension(base, 'hints')]: s?.hints ?? 0 },
        },
        context: context('inside', { [extension(base, 'competency')]: competencyOf.get(id) ?? 'procedure' }),
      });
    }
  }

  const duration = isoDuration(a.durationMs);
  const score = { scaled: Math.round(a.score) / 100, raw: a.score, min: 0, max: 100 };
  const allDone = timeline.steps.every((s) => s.status !== 'skipped');
  if (exam) {
    if (allDone) push('completed', a.endedAt, { verb: verbs.completed, object: station, result: { completion: true, duration }, context: context('moveon') });
    push(a.passed ? 'passed' : 'failed', a.endedAt, {
      verb: a.passed ? verbs.passed : verbs.failed,
      object: station,
      result: { score, success: a.passed, duration },
      context: context('moveon', { [cmi5.masteryScore]: scenario.passScore / 100 }),
    });
  } else {
    // Browse mode: cmi5 forbids passed/failed/completed; the practice score is still the analyst's.
    push('scored', a.endedAt, { verb: verbs.scored, object: station, result: { score, success: a.passed, completion: allDone, duration }, context: context('result') });
  }
  push('terminated', a.endedAt, { verb: verbs.terminated, object: station, result: { duration }, context: context('cmi5') });
  return out;
}
