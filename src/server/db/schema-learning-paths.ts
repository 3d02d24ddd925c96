/** Learning paths on the server (migration-learning-paths.ts, docs/api.md). Timestamps are ISO strings. */
export interface GroupPathsTable {
  group_id: string;
  organisation_id: string;
  /** The path as the trainer set it (a default path, or an edited copy), validated on every write. */
  path_json: string;
  /** The default path it started from (scenes/_paths/<id>.json). */
  source_path_id: string;
  updated_at: string;
  updated_by: string;
}

/** A module a trainee mastered on one major version; kept whatever happens to paths and groups. */
export interface ModuleMasteriesTable {
  trainee_id: string;
  organisation_id: string;
  scenario_id: string;
  version: number;
  mastered_at: string;
  /** The session that completed it (the passed exam, or the last counting practice). */
  session_id: string;
}

/** A trainer opened or locked a module, or its exam, by hand for one trainee: every choice is kept. */
export interface ModuleOverridesTable {
  id: string;
  trainee_id: string;
  organisation_id: string;
  scenario_id: string;
  what: 'module' | 'exam';
  open: number;
  at: string;
  trainer_id: string;
}

/**
 * The learning path a session's statements name (xAPI grouping), fixed when they are first made: an
 * LRS refuses a statement id that comes again with other content, so a later path change must not
 * change a session's statements.
 */
export interface SessionLearningPathsTable {
  session_id: string;
  /** null: the group followed no path then. */
  path_id: string | null;
  path_title: string | null;
  at: string;
}

export interface LearningPathTables {
  session_learning_paths: SessionLearningPathsTable;
  group_paths: GroupPathsTable;
  module_masteries: ModuleMasteriesTable;
  module_overrides: ModuleOverridesTable;
}
