import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../engine';

export interface StationInfo {
  id: string;
  version: number;
  sector: string;
  /** The country whose rules the station follows; null when it fits every country. */
  country: string | null;
  passScore: number;
  modes: string[];
  title: string;
  /** `pictogram`: the step's picture (a path the server serves), for the live class view's tiles. */
  steps: { id: string; competency: string; text: string; pictogram?: string }[];
  rules: { id: string; text: string }[];
}

type Texts = { title?: string; steps?: Record<string, { instruction?: string }>; rules?: Record<string, string> };

/**
 * Station titles and step texts for the trainer, in the dashboard's language (Dutch when a station
 * has no text in it). Read from the same locale files the trainee app uses; cached per language.
 */
export class StationTexts {
  private readonly cache = new Map<string, StationInfo[]>();

  constructor(
    private readonly localesDir: string,
    private readonly scenarios: () => readonly Scenario[],
  ) {}

  private read(lng: string, id: string): Texts {
    const file = join(this.localesDir, lng, `${id}.json`);
    if (!/^[a-z]{2,3}$/.test(lng) || !existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Texts;
    } catch {
      return {};
    }
  }

  list(lng: string): StationInfo[] {
    const cached = this.cache.get(lng);
    if (cached) return cached;
    const out = this.scenarios().map((s) => {
      const own = this.read(lng, s.id);
      const nl = lng === 'nl' ? own : this.read('nl', s.id);
      const text = (pick: (t: Texts) => string | undefined, fallback: string) => pick(own) ?? pick(nl) ?? fallback;
      return {
        id: s.id,
        version: s.version,
        sector: s.sector,
        country: s.country ?? null,
        passScore: s.passScore,
        modes: [...s.modes],
        title: text((t) => t.title, s.id),
        steps: s.steps.map((st) => {
          const pictogram = st.pictogram ?? s.objects.find((o) => o.id === st.object)?.pictogram;
          return { id: st.id, competency: st.competency, text: text((t) => t.steps?.[st.id]?.instruction, st.id), ...(pictogram ? { pictogram } : {}) };
        }),
        rules: s.rules.map((r) => ({ id: r.id, text: text((t) => t.rules?.[r.id], r.id) })),
      };
    });
    out.sort((a, b) => a.title.localeCompare(b.title));
    this.cache.set(lng, out);
    return out;
  }

  title(lng: string, id: string): string {
    return this.list(lng).find((s) => s.id === id)?.title ?? id;
  }
}
