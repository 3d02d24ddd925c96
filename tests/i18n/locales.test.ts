import { existsSync, readFileSync, readdirSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import meta from '../../locales/languages.json';

/**
 * Every language's texts against the Dutch source: the same keys, every plural form that language
 * needs (Intl.PluralRules, as i18next asks for them), the same {{variables}}, no empty text.
 */
const codes = meta.languages.map((l) => l.code);
function read(lng: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as Record<string, unknown>;
}

/** A station's namespace is its scenario id; it may be missing (i18next falls back to nl), but a file that exists must be complete. */
const scenarioIds = new Set(
  (readdirSync('scenes', { recursive: true }) as string[])
    .filter((file) => file.split(/[\\/]/).pop() === 'scenario.json')
    .map((file) => (JSON.parse(readFileSync(`scenes/${file}`, 'utf8')) as { id: string }).id),
);
const sourceNamespaces = readdirSync('locales/nl')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
/** Namespaces of the app itself (ui, feedback, results, …): every language must have them in full. */
// A station being written may have its texts before its scenario file: its steps give it away.
const isStation = (ns: string) => scenarioIds.has(ns) || 'steps' in read('nl', ns);
const baseNamespaces = sourceNamespaces.filter((ns) => !isStation(ns));
const scenarioNamespaces = sourceNamespaces.filter(isStation);


function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, node);
  return out;
}

function pluralBase(key: string): { base: string; category: string } | null {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? { base: m[1]!, category: m[2]! } : null;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

/** The keys `lng` must have: nl's plain keys, and each nl plural key in every form `lng` needs. */
function requiredKeys(source: Map<string, unknown>, lng: string): string[] {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];
  const keys = new Set<string>();
  for (const key of source.keys()) {
    const p = pluralBase(key);
    if (p && source.has(`${p.base}_other`)) for (const c of categories) keys.add(`${p.base}_${c}`);
    else keys.add(key);
  }
  return [...keys].sort();
}

function checkNamespace(lng: string, ns: string) {
  const source = flatten(read('nl', ns));
  const target = flatten(read(lng, ns));
  expect([...target.keys()].sort(), `${lng}/${ns}.json keys`).toEqual(requiredKeys(source, lng));
  for (const [key, value] of target) {
    expect(typeof value, `${lng}/${ns}:${key} is text`).toBe('string');
    expect((value as string).trim(), `${lng}/${ns}:${key} is not empty`).not.toBe('');
    const p = pluralBase(key);
    const sourceText = (p && source.has(`${p.base}_other`) ? source.get(`${p.base}_other`) : source.get(key)) as string;
    const expected = variables(sourceText);
    const actual = variables(value as string);
    // "one result", "two results", "no results": the word carries the number, so {{count}} may go.
    if (p && ['zero', 'one', 'two'].includes(p.category)) {
      expect(actual, `${lng}/${ns}:${key} variables`).toEqual(expected.filter((v) => v !== 'count' || actual.includes('count')));
    } else {
      expect(actual, `${lng}/${ns}:${key} variables`).toEqual(expected);
    }
  }
}

describe('locale files', () => {
  test('every language in the metadata has a folder, and every folder is a language', () => {
    const folders = readdirSync('locales', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual([...codes].sort());
    expect(codes).toEqual(['nl', 'fr', 'en', 'ar', 'uk', 'tr', 'prs', 'ti']);
  });

  test('the app namespaces are found, and the station namespaces are told apart from them', () => {
    expect(baseNamespaces).toEqual(expect.arrayContaining(['ui', 'feedback', 'results']));
    expect(scenarioNamespaces).toEqual(expect.arrayContaining(['wood-intro-workbench', 'template-station']));
  });

  test('the Dutch source has both plural forms Dutch needs for every counted text', () => {
    const keys = [...flatten(read('nl', 'results')).keys()];
    expect(keys).toEqual(expect.arrayContaining(['waiting_one', 'waiting_other', 'refused_one', 'refused_other']));
  });

  for (const lng of codes.filter((c) => c !== 'nl')) {
    describe(lng, () => {
      for (const ns of baseNamespaces) {
        test(`${ns}: same keys as nl, every plural form, same variables, no empty text`, () => checkNamespace(lng, ns));
      }
      const present = scenarioNamespaces.filter((ns) => existsSync(`locales/${lng}/${ns}.json`));
      for (const ns of present) {
        test(`${ns} (station): complete like nl`, () => checkNamespace(lng, ns));
      }
    });
  }

  test('every station speaks every language: no station falls back to Dutch for a trainee', () => {
    const missing = codes.flatMap((lng) => scenarioNamespaces.filter((ns) => !existsSync(`locales/${lng}/${ns}.json`)).map((ns) => `locales/${lng}/${ns}.json`));
    expect(missing).toEqual([]);
  });

  test('i18next picks a written form for every count in every language (Arabic: all six)', async () => {
    const counts = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000, 1.5];
    for (const lng of codes) {
      const instance = i18next.createInstance();
      await instance.init({ lng, fallbackLng: false, resources: { [lng]: { results: read(lng, 'results') } }, interpolation: { escapeValue: false } });
      for (const count of counts) {
        for (const key of ['waiting', 'refused']) {
          const text = instance.t(`results:${key}`, { count });
          expect(text, `${lng} ${key} ${count}`).not.toBe(key);
          expect(text, `${lng} ${key} ${count}`).not.toContain('{{');
        }
      }
    }
    const ar = i18next.createInstance();
    await ar.init({ lng: 'ar', resources: { ar: { results: read('ar', 'results') } } });
    const forms = new Set([0, 1, 2, 3, 11, 100].map((count) => ar.t('results:waiting', { count })));
    expect(forms.size).toBe(6);
  });
});

describe('language metadata', () => {
  test('direction, font and review state for every language; Arabic and Dari run right to left', () => {
    for (const l of meta.languages) {
      expect(['ltr', 'rtl'], l.code).toContain(l.dir);
      expect(['latin', 'arabic', 'ethiopic'], l.code).toContain(l.font);
      expect(typeof l.reviewed, l.code).toBe('boolean');
      expect(l.nativeName.trim(), l.code).not.toBe('');
    }
    const rtl = meta.languages.filter((l) => l.dir === 'rtl').map((l) => l.code);
    expect(rtl).toEqual(['ar', 'prs']);
  });

  test('machine-made translations are not marked as reviewed by a native speaker', () => {
    // Flip `reviewed` for a language only together with the name of who reviewed it (docs).
    for (const l of meta.languages.filter((x) => !('source' in x))) expect(l.reviewed, l.code).toBe(false);
  });
});
