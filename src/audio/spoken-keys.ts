/**
 * Which texts are spoken, shared by `npm run audio`, its test and the player. Spoken: every step
 * instruction and hint and every rule message of each scenario (its own namespace), the whole
 * `feedback` namespace, and the few UI prompts that end a session. Texts with a `{{variable}}` are
 * not spoken: a recording cannot know the value (the caption shows it).
 */
export const spokenUiKeys = ['play.allDone', 'result.passed', 'result.failed', 'result.stoppedBySafety'] as const;

/** The parts of a scenario that name spoken texts (a structural subset of the engine's Scenario). */
export interface SpokenScenario {
  id: string;
  steps: readonly { instruction: string; hint?: string | undefined }[];
  rules?: readonly { message: string }[] | undefined;
  /** The station's things: each one's Dutch word is spoken in Dutch (`termKey`). */
  objects?: readonly { term: string }[] | undefined;
}

/** Spoken keys as `namespace:key`, in a stable order. */
export function spokenKeys(scenarios: readonly SpokenScenario[], feedbackKeys: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const k of feedbackKeys) keys.add(`feedback:${k}`);
  for (const k of spokenUiKeys) keys.add(`ui:${k}`);
  for (const s of scenarios) {
    for (const step of s.steps) {
      keys.add(`${s.id}:${step.instruction}`);
      if (step.hint) keys.add(`${s.id}:${step.hint}`);
    }
    for (const rule of s.rules ?? []) keys.add(`${s.id}:${rule.message}`);
  }
  return [...keys];
}

/**
 * The key a Dutch word of the job is spoken under, in Dutch only (the trainee hears the word they
 * will hear at work, whatever their own language): `terms:<word>`, folded to ASCII letters, digits
 * and hyphens so that it is a safe file name and one word shared by stations is one file.
 */
export function termKey(term: string): string {
  const slug = term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `terms:${slug}`;
}

/** Every Dutch word of these scenarios by its key (`termKey`), with the text spoken: the word itself. */
export function dutchTerms(scenarios: readonly SpokenScenario[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of scenarios) for (const o of s.objects ?? []) out.set(termKey(o.term), o.term.trim());
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** The file of a key inside a language's folder: `<namespace>/<key>.ogg`. */
export function audioFileName(nsKey: string): string {
  const at = nsKey.indexOf(':');
  return `${nsKey.slice(0, at)}/${nsKey.slice(at + 1)}.ogg`;
}

/** One language's manifest: assets/audio/<lng>/manifest.json. */
export interface AudioManifest {
  language: string;
  /** The espeak-ng voice used for new files; null: no voice, captions only. */
  voice: string | null;
  files: Record<string, { file: string; sha256: string; voice: string }>;
}

/** The text at a dotted key of one locale file (`steps.wear.text`), or undefined when it is not a string there. */
export function lookup(resource: unknown, key: string): string | undefined {
  let node = resource;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
