import { z } from 'zod';
import type { SessionEvent } from '../../engine';
import type { SessionSummary } from '../dashboard/session-query';
import type { StationTexts } from '../dashboard/station-texts';
import type { ScenarioCatalog } from '../scenario-catalog';
import { xapiBase } from './identifiers';
import { attemptStatement, attemptStatementSet, type AttemptRecord, type StationNames, type Statement } from './statements';

/** `?statements=` of the xAPI export: `attempt` (default, one per session as before) or `all` (docs/xapi.md). */
export const xapiFormSchema = z.strictObject({ statements: z.enum(['attempt', 'all'], { message: 'must be "attempt" or "all"' }).default('attempt') });
export type XapiForm = z.infer<typeof xapiFormSchema>['statements'];

export interface XapiSources {
  /** PUBLIC_URL, or null for the per-organisation default. */
  publicUrl: string | null;
  texts: StationTexts;
  catalog: ScenarioCatalog;
  /** The learning path a session's statements name (learning-path-of-session.ts), their second grouping. */
  learningPathOf?: (session: { id: string; groupId: string }) => Promise<{ id: string; title: string } | null>;
}

/** The station's Dutch texts, the ids where a text is missing (an older version's step, say). */
export function stationNames(texts: StationTexts, scenarioId: string): StationNames {
  const info = texts.list('nl').find((s) => s.id === scenarioId);
  return {
    title: info?.title ?? scenarioId,
    step: (id) => info?.steps.find((s) => s.id === id)?.text ?? id,
    rule: (id) => info?.rules.find((r) => r.id === id)?.text ?? id,
  };
}

export function attemptRecord(s: SessionSummary): AttemptRecord {
  return {
    id: s.id,
    traineeCode: s.trainee.code,
    scenarioId: s.scenarioId,
    scenarioVersion: s.scenarioVersion,
    mode: s.mode,
    device: s.device,
    language: s.language,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    durationMs: s.durationMs,
    score: s.score,
    passed: s.passed,
  };
}

/**
 * One session's statements, as the export route and the LRS forwarder call it per session. `all`
 * needs the stored event log and the scenario hash (the version it was played on); a version the
 * server no longer knows gives the attempt statement alone rather than invented steps.
 */
export async function sessionStatements(
  s: SessionSummary,
  organisationId: string,
  form: XapiForm,
  sources: XapiSources,
  log?: { eventsJson: string; scenarioHash: string },
): Promise<Statement[]> {
  const learningPath = (await sources.learningPathOf?.({ id: s.id, groupId: s.group.id })) ?? null;
  const opts = { base: xapiBase(sources.publicUrl, organisationId), names: stationNames(sources.texts, s.scenarioId), ...(learningPath ? { learningPath } : {}) };
  const record = attemptRecord(s);
  if (form === 'attempt' || !log) return [attemptStatement(record, opts)];
  const entry = await sources.catalog.find(log.scenarioHash, s.scenarioId, s.scenarioVersion);
  if (!entry) return [attemptStatement(record, opts)];
  return attemptStatementSet(record, entry.scenario, JSON.parse(log.eventsJson) as SessionEvent[], opts);
}
