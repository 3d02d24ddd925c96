import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvColumns, type CsvColumn } from './exports';

/**
 * The CSV's column names in the trainer's language, from the dashboard's own texts
 * (locales/<lng>/coach.json, `csv`), Dutch where a language lacks one; read once per language.
 */
export class CsvHeaders {
  private readonly cache = new Map<string, Record<CsvColumn, string>>();

  constructor(private readonly localesDir: string) {}

  private read(lng: string): Partial<Record<string, string>> {
    const file = join(this.localesDir, lng, 'coach.json');
    if (!/^[a-z]{2,3}$/.test(lng) || !existsSync(file)) return {};
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { csv?: Record<string, string> }).csv ?? {};
    } catch {
      return {};
    }
  }

  for(lng: string): Record<CsvColumn, string> {
    const cached = this.cache.get(lng);
    if (cached) return cached;
    const own = this.read(lng);
    const nl = this.read('nl');
    const headers = Object.fromEntries(csvColumns.map((c) => [c, own[c] ?? nl[c] ?? c])) as Record<CsvColumn, string>;
    this.cache.set(lng, headers);
    return headers;
  }
}
