/** Centre-recorded voices (migration-voices.ts). Timestamps are ISO strings. */
export type VoiceRecordingState = 'draft' | 'published';

export interface VoiceRecordingsTable {
  id: string;
  organisation_id: string;
  language: string;
  /** `namespace:key` of the spoken text (src/audio/spoken-keys.ts). */
  line_key: string;
  /** The text as it was when recorded, and its sha-256: another hash now means stale. */
  text: string;
  text_sha256: string;
  /** The trainer who spoke it. */
  speaker_id: string;
  speaker_email: string;
  state: VoiceRecordingState;
  /** Ogg/Opus, the format of the generated audio. */
  audio: Buffer;
  audio_sha256: string;
  duration_ms: number;
  created_at: string;
  published_at: string | null;
}

export interface VoiceConsentsTable {
  id: string;
  organisation_id: string;
  trainer_id: string;
  email: string;
  /** The statement the speaker agreed to, word for word, in the language it was shown in. */
  statement: string;
  language: string;
  agreed_at: string;
  withdrawn_at: string | null;
}

export interface VoicePermissionsTable {
  trainer_id: string;
  organisation_id: string;
  granted_by: string;
  granted_at: string;
}

export interface VoiceSharingTable {
  organisation_id: string;
  shared: number;
  changed_by: string;
  changed_at: string;
}

export interface VoiceTables {
  voice_recordings: VoiceRecordingsTable;
  voice_consents: VoiceConsentsTable;
  voice_permissions: VoicePermissionsTable;
  voice_sharing: VoiceSharingTable;
}
