import type { SessionSummary } from './session-query';

/**
 * CSV for Excel and LibreOffice as Belgian and Dutch offices set them up: UTF-8 with a BOM (else
 * Excel reads it as Windows-1252), `;` between fields and a decimal comma (the list separator and
 * decimal sign of nl-BE, nl-NL and fr-BE), CRLF line ends, times as `YYYY-MM-DD HH:MM:SS` in UTC.
 */
export const csvHeader = [
  'session_id',
  'group',
  'trainee_code',
  'trainee_alias',
  'station',
  'station_version',
  'mode',
  'device',
  'language',
  'started_at_utc',
  'ended_at_utc',
  'duration_s',
  'score',
  'passed',
] as const;

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  // A trainer-typed alias starting with = + - @ would run as a formula in Excel: keep it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

/** The first line of the CSV, with the BOM Excel needs. */
export const csvHead = `\uFEFF${csvHeader.join(';')}\r\n`;

/** One session as a CSV line (CRLF included): exports stream line by line. */
export function csvLine(s: SessionSummary): string {
  return `${[
    s.id,
    s.group.name,
    s.trainee.code,
    s.trainee.alias,
    s.scenarioId,
    s.scenarioVersion,
    s.mode,
    s.device,
    s.language,
    utc(s.startedAt),
    utc(s.endedAt),
    Math.round(s.durationMs / 100) / 10,
    s.score,
    s.passed ? 'ja' : 'nee',
  ]
    .map(cell)
    .join(';')}\r\n`;
}

export function sessionsCsv(sessions: readonly SessionSummary[]): string {
  return csvHead + sessions.map(csvLine).join('');
}
