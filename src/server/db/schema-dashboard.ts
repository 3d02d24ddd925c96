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

export interface DashboardTables {
  group_stations: GroupStationsTable;
  exam_unlocks: ExamUnlocksTable;
}
