import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dutchTerms, lookup, spokenKeys, type AudioManifest, type SpokenScenario } from '../../audio/spoken-keys';

/** One spoken line of the app in one language, as the recording page lists it. */
export interface VoiceLine {
  /** `namespace:key`; the namespace is a station's scenario id, `feedback` or `ui`. */
  key: string;
  /** The scenario id the line belongs to, or null for the app's own lines (feedback, end of session). */
  station: string | null;
  text: string;
  textSha256: string;
  /** npm run audio made a file of exactly this text (espeak-ng). */
  synthetic: boolean;
}

export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Every spoken line (src/audio/spoken-keys.ts, the same list `npm run audio` speaks) with its text
 * in a language — that language's own file, no Dutch fallback: a Tigrinya coach must not be asked to
 * read Dutch — and whether generated audio exists for it. Files are read again when they change on
 * disk: a new release's texts make recordings stale without a restart.
 */
export class VoiceLines {
  private readonly files = new Map<string, { mtimeMs: number; json: unknown }>();

  constructor(
    private readonly localesDir: string,
    private readonly audioDir: string,
    private readonly scenarios: () => readonly SpokenScenario[],
  ) {}

  private read(path: string): unknown {
    if (!existsSync(path)) return undefined;
    const mtimeMs = statSync(path).mtimeMs;
    const cached = this.files.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.json;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      json = undefined;
    }
    this.files.set(path, { mtimeMs, json });
    return json;
  }

  /** The languages a trainee can choose (locales/languages.json). */
  languages(): string[] {
    const meta = this.read(join(this.localesDir, 'languages.json')) as { languages?: { code: string }[] } | undefined;
    return (meta?.languages ?? []).map((l) => l.code);
  }

  keys(): string[] {
    const feedback = this.read(join(this.localesDir, 'nl', 'feedback.json'));
    const keys = spokenKeys(this.scenarios(), typeof feedback === 'object' && feedback !== null ? Object.keys(feedback) : []);
    // The Dutch words of the job (said on a tap in every language): a centre records them in Dutch only.
    return [...keys, ...dutchTerms(this.scenarios()).keys()];
  }

  /** The text a line speaks in a language; undefined when the language has none, or it has a value in it (never spoken). */
  text(language: string, key: string): string | undefined {
    if (!/^[a-z]{2,3}$/.test(language)) return undefined;
    if (key.startsWith('terms:')) return language === 'nl' ? dutchTerms(this.scenarios()).get(key) : undefined;
    const at = key.indexOf(':');
    if (at < 1 || !/^[a-z0-9-]+$/.test(key.slice(0, at))) return undefined;
    const text = lookup(this.read(join(this.localesDir, language, `${key.slice(0, at)}.json`)), key.slice(at + 1));
    return text && !text.includes('{{') ? text : undefined;
  }

  lines(language: string): VoiceLine[] {
    const manifest = this.read(join(this.audioDir, language, 'manifest.json')) as AudioManifest | undefined;
    const stations = new Set(this.scenarios().map((s) => s.id));
    const out: VoiceLine[] = [];
    for (const key of this.keys()) {
      const text = this.text(language, key);
      if (text === undefined) continue;
      const textSha256 = textHash(text);
      const ns = key.slice(0, key.indexOf(':'));
      out.push({ key, station: stations.has(ns) ? ns : null, text, textSha256, synthetic: manifest?.files[key]?.sha256 === textSha256 });
    }
    return out;
  }
}
