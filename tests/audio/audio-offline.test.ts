import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { audioCache, cachedOffline, generatedFileUrl, keepLanguageOffline } from '../../src/audio/audio-offline';
import type { AudioManifest } from '../../src/audio/spoken-keys';

const origin = 'http://headset.test';

/** Cache Storage as the browser has it, in memory: one cache per name, requests by URL. */
function memoryCaches() {
  const stores = new Map<string, Map<string, string>>();
  const added: string[] = [];
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    return {
      keys: async () => [...store.keys()].map((url) => ({ url })),
      add: async (url: string) => {
        const res = await fetch(url);
        if (!res.ok) throw new TypeError(`${res.status}`);
        added.push(url);
        store.set(new URL(url, origin).href, url);
      },
      delete: async (url: string) => store.delete(new URL(url, origin).href),
    };
  };
  return { api: { open }, stores, added };
}

const manifests: Record<string, AudioManifest> = {
  fr: {
    language: 'fr',
    voice: 'fr',
    files: {
      'wood-intro-workbench:steps.wear-glasses.instruction': { file: 'wood-intro-workbench/steps.wear-glasses.instruction.ogg', sha256: 'aaaaaaaaaaaaaaaaaaaa', voice: 'fr' },
      'feedback:well-done': { file: 'feedback/well-done.ogg', sha256: 'bbbbbbbbbbbbbbbbbbbb', voice: 'fr' },
    },
  },
  nl: {
    language: 'nl',
    voice: 'nl',
    files: {
      'feedback:well-done': { file: 'feedback/well-done.ogg', sha256: 'cccccccccccccccccccc', voice: 'nl' },
      'terms:veiligheidsbril': { file: 'terms/veiligheidsbril.ogg', sha256: 'dddddddddddddddddddd', voice: 'nl' },
    },
  },
};

let caches: ReturnType<typeof memoryCaches>;
let offline = false;

beforeEach(() => {
  caches = memoryCaches();
  offline = false;
  vi.stubGlobal('caches', caches.api);
  vi.stubGlobal('location', new URL(`${origin}/`));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (offline) throw new TypeError('Failed to fetch');
      const m = /^\/audio\/(\w+)\/manifest\.json$/.exec(url);
      if (m) return manifests[m[1]!] ? new Response(JSON.stringify(manifests[m[1]!])) : new Response('', { status: 404 });
      return new Response('OggS', { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('generated speech kept per language for offline play', () => {
  test("a language's files and the Dutch words, each under its text's hash, and nothing of other languages", async () => {
    expect(await keepLanguageOffline('fr')).toBe(3);
    expect(caches.added.sort()).toEqual([
      '/audio/fr/feedback/well-done.ogg?v=bbbbbbbbbbbbbbbb',
      '/audio/fr/wood-intro-workbench/steps.wear-glasses.instruction.ogg?v=aaaaaaaaaaaaaaaa',
      '/audio/nl/terms/veiligheidsbril.ogg?v=dddddddddddddddd',
    ]);
    expect([...caches.stores.keys()]).toEqual([audioCache]);
    // Kept already: nothing is fetched twice.
    expect(await keepLanguageOffline('fr')).toBe(0);
  });

  test('a changed text: its new speech is a new file, and the old one is dropped; the Dutch words stay', async () => {
    await keepLanguageOffline('fr');
    const before = manifests.fr!.files['feedback:well-done']!;
    manifests.fr!.files['feedback:well-done'] = { ...before, sha256: 'eeeeeeeeeeeeeeeeeeee' };
    try {
      expect(await keepLanguageOffline('fr')).toBe(1);
      const held = [...caches.stores.get(audioCache)!.values()].sort();
      expect(held).toEqual([
        '/audio/fr/feedback/well-done.ogg?v=eeeeeeeeeeeeeeee',
        '/audio/fr/wood-intro-workbench/steps.wear-glasses.instruction.ogg?v=aaaaaaaaaaaaaaaa',
        '/audio/nl/terms/veiligheidsbril.ogg?v=dddddddddddddddd',
      ]);
    } finally {
      manifests.fr!.files['feedback:well-done'] = before;
    }
  });

  test('which files a device holds: the kept ones only; offline nothing is added and nothing fails', async () => {
    await keepLanguageOffline('nl');
    const nlWord = generatedFileUrl('nl', manifests.nl!.files['terms:veiligheidsbril']!);
    const frLine = generatedFileUrl('fr', manifests.fr!.files['feedback:well-done']!);
    expect(await cachedOffline([nlWord, frLine])).toEqual(new Set([nlWord]));
    offline = true;
    await expect(keepLanguageOffline('fr')).resolves.toBe(0);
    expect(await cachedOffline([frLine])).toEqual(new Set());
  });

  test('a language without a manifest (no voice) keeps only the Dutch words', async () => {
    expect(await keepLanguageOffline('ti')).toBe(1);
    expect(caches.added).toEqual(['/audio/nl/terms/veiligheidsbril.ogg?v=dddddddddddddddd']);
  });
});
