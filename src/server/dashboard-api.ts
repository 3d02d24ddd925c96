import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { ScenarioCatalog } from './scenario-catalog';
import type { LiveSessions } from './dashboard/live-sessions';
import { StationTexts } from './dashboard/station-texts';
import { dashboardAssignmentRoutes } from './routes/dashboard-assignments';
import { learningPathRoutes } from './routes/learning-paths';
import type { LearningPath } from '../engine';
import { dashboardBulkTraineeRoutes } from './routes/dashboard-bulk-trainees';
import { dashboardCoachingRoutes } from './routes/dashboard-coaching';
import { dashboardNoteRoutes } from './routes/dashboard-notes';
import { dashboardExportRoutes } from './routes/dashboard-exports';
import { dashboardInsightRoutes } from './routes/dashboard-insights';
import { dashboardSessionRoutes } from './routes/dashboard-sessions';
import { sessionReplayRoutes } from './routes/session-replay';
import { dashboardTrainerRoutes } from './routes/dashboard-trainers';
import { organisationSettingsRoutes } from './routes/organisation-settings';
import { traineeHeadsetRoutes } from './routes/trainee-headsets';

export interface DashboardApiOptions {
  db: Kysely<Database>;
  /** Where lists, aggregates and exports read (SQLite: reader threads); never written through. */
  readDb: Kysely<Database>;
  now: () => Date;
  catalog: ScenarioCatalog;
  live: LiveSessions;
  /** The LAN HTTPS addresses for headsets (see AppOptions). */
  headsetUrls?: () => string[];
  /** Where the station texts are (locales/); the repository's by default. */
  localesDir?: string;
  /** PUBLIC_URL: where xAPI identifiers start (src/server/xapi/identifiers.ts). */
  publicUrl?: string | null;
  /** The default learning paths, as main.ts read and checked them (scenes/_paths). */
  learningPaths?: readonly LearningPath[];
}

/** The trainer dashboard's API (issue 8; docs/api.md "Dashboard"). Needs the cookie plugin registered. */
export async function dashboardApi(app: FastifyInstance, opts: DashboardApiOptions) {
  const texts = new StationTexts(opts.localesDir ?? join(process.cwd(), 'locales'), () => opts.catalog.current.map((e) => e.scenario));
  const stationIds = () => opts.catalog.current.map((e) => e.scenario.id);
  await dashboardTrainerRoutes(app, opts);
  await organisationSettingsRoutes(app, opts);
  const stationCountry = (id: string) => opts.catalog.current.find((e) => e.scenario.id === id)?.scenario.country ?? null;
  await dashboardAssignmentRoutes(app, { ...opts, stationIds, stationCountry });
  await learningPathRoutes(app, opts);
  await dashboardSessionRoutes(app, opts);
  // The replay page (issue 28): a trainer's own organisation's sessions, a trainee's own attempt.
  await sessionReplayRoutes(app, opts);
  await dashboardInsightRoutes(app, { ...opts, texts });
  await dashboardExportRoutes(app, { ...opts, texts });
  await traineeHeadsetRoutes(app, opts);
  await dashboardCoachingRoutes(app, { ...opts, headsetUrls: opts.headsetUrls ?? (() => []) });
  await dashboardNoteRoutes(app, opts);
  await dashboardBulkTraineeRoutes(app, opts);
}
