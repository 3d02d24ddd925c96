/** The dashboard's tables (see migration-dashboard.ts). */
export interface GroupStationsTable {
  group_id: string;
  scenario_id: string;
  created_at: string;
}

export interface ExamUnlocksTable {
  subject_kind: 'group' | 'trainee';
  subject_id: string;
  organisation_id: string;
  created_at: string;
}

/** A trainer's short note on a trainee (migration-trainee-notes.ts). */
export interface TraineeNotesTable {
  id: string;
  trainee_id: string;
  organisation_id: string;
  author_email: string;
  text: string;
  created_at: string;
}

export interface DashboardTables {
  group_stations: GroupStationsTable;
  exam_unlocks: ExamUnlocksTable;
  trainee_notes: TraineeNotesTable;
}
