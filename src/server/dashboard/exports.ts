import { competencies, type Competency } from '../../engine';
import type { SessionSummary } from './session-query';

/**
 * CSV for Excel and LibreOffice as Belgian and Dutch offices set them up: UTF-8 with a BOM (else
 * Excel reads it as Windows-1252), `;` between fields and a decimal comma (the list separator and
 * decimal sign of nl-BE, nl-NL and fr-BE), CRLF line ends. Times as `YYYY-MM-DD HH:MM:SS` twice: in
 * UTC and in the trainer's time zone. The first line names the columns in the trainer's language
 * (csv-headers.ts); `csvColumns` is their order.
 */
export const csvColumns = [
  'session_id',
  'group',
  'trainee_code',
  'trainee_alias',
  'station_id',
  'station_name',
  'station_version',
  'mode',
  'device',
  'language',
  'started_at_utc',
  'started_at_local',
  'ended_at_utc',
  'ended_at_local',
  'duration_s',
  'score',
  'passed',
  'failed_by_critical',
  ...competencies.map((c) => `competency_${c}` as const),
] as const;

export type CsvColumn = (typeof csvColumns)[number];

/** A session as the export writes it: the list's row, its competency scores and whether a critical rule failed it. */
export type ExportRow = SessionSummary & { competencies: Record<Competency, number | null>; failedByCritical: boolean };

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  // A trainer-typed alias starting with = + - @ would run as a formula in Excel: keep it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

/** `YYYY-MM-DD HH:MM:SS` in a time zone (Swedish dates are ISO-shaped). */
export function localTime(timeZone: string) {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return (iso: string) => f.format(new Date(iso));
}

export interface CsvOptions {
  /** Column headers in the trainer's language, by column. */
  headers: Record<CsvColumn, string>;
  /** A station's name in the trainer's language. */
  stationName: (id: string) => string;
  /** IANA time zone of the "local" columns. */
  timeZone: string;
}

/** The CSV's first line (with the BOM), then one line per row: the streaming export writes them one by one. */
export function csvHeaderLine(o: CsvOptions): string {
  return `\uFEFF${csvColumns.map((c) => cell(o.headers[c])).join(';')}\r\n`;
}

export function csvRow(s: ExportRow, o: CsvOptions, local = localTime(o.timeZone)): string {
  return `${[
    s.id,
    s.group.name,
    s.trainee.code,
    s.trainee.alias,
    s.scenarioId,
    o.stationName(s.scenarioId),
    s.scenarioVersion,
    s.mode,
    s.device,
    s.language,
    utc(s.startedAt),
    local(s.startedAt),
    utc(s.endedAt),
    local(s.endedAt),
    Math.round(s.durationMs / 100) / 10,
    s.score,
    s.passed ? 'ja' : 'nee',
    s.failedByCritical ? 'ja' : 'nee',
    ...competencies.map((c) => (s.competencies[c] === null || s.competencies[c] === undefined ? null : Math.round(s.competencies[c]))),
  ]
    .map(cell)
    .join(';')}\r\n`;
}
