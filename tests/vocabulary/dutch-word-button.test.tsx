// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { playedFiles, playedKeys } from '../../src/audio/audio-player';
import { termKey, type AudioManifest } from '../../src/audio/spoken-keys';
import { DutchWordButton } from '../../src/vocabulary/dutch-word-button';

const root = join(__dirname, '..', '..');
const nlManifest = JSON.parse(readFileSync(join(root, 'assets/audio/nl/manifest.json'), 'utf8')) as AudioManifest;

/** Enough of Web Audio for the player: it decodes and "plays" instantly. */
class FakeAudioContext {
  state = 'running';
  destination = {};
  createGain() {
    return { gain: { value: 1 }, connect() {}, channelCount: 2, channelCountMode: 'max', channelInterpretation: 'speakers' };
  }
  async decodeAudioData() {
    return {};
  }
  createBufferSource() {
    const s = { buffer: null as unknown, onended: null as null | (() => void), connect() {}, stop() {}, start: () => queueMicrotask(() => s.onended?.()) };
    return s;
  }
  async resume() {}
}

const requests: string[] = [];
beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(String(url));
    // Dutch has its generated voice; French here has no file for any word.
    if (String(url).endsWith('/audio/nl/manifest.json')) return new Response(JSON.stringify(nlManifest), { status: 200 });
    if (String(url).endsWith('/manifest.json')) return new Response('{}', { status: 404 });
    if (/\.ogg(\?v=[0-9a-f]+)?$/.test(String(url))) return new Response(new Uint8Array([0x4f, 0x67, 0x67, 0x53]), { status: 200 });
    return new Response('', { status: 404 });
  });
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { ui: { play: { sayWord: 'Hear the word {{word}}' } } } }, defaultNS: 'ui', interpolation: { escapeValue: false } });
});

afterEach(() => {
  document.body.innerHTML = '';
  requests.length = 0;
});

async function render(node: React.ReactNode): Promise<HTMLElement> {
  const el = document.createElement('div');
  document.body.append(el);
  await act(async () => createRoot(el).render(node));
  // The manifest arrives asynchronously; let it settle.
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return el;
}

describe('the Dutch word, heard on a tap', () => {
  test('a word with Dutch audio is a button with its picture; a tap plays that word in Dutch', async () => {
    expect(nlManifest.files[termKey('veiligheidsbril')]).toBeDefined();
    const el = await render(<DutchWordButton term="veiligheidsbril" pictogram="pictograms/safety-glasses.svg" />);
    const button = el.querySelector<HTMLButtonElement>('button[data-action="say-word"]');
    expect(button).not.toBeNull();
    expect(button!.getAttribute('aria-label')).toBe('Hear the word veiligheidsbril');
    expect(button!.querySelector('strong')!.textContent).toBe('veiligheidsbril');
    expect(button!.querySelector('strong')!.getAttribute('lang')).toBe('nl');
    expect(button!.querySelector('img')!.getAttribute('src')).toMatch(/pictograms\/safety-glasses\.svg$/);
    await act(async () => {
      button!.click();
      await new Promise((r) => setTimeout(r, 20));
    });
    // The word's own file from the Dutch folder, whatever the trainee's language (English here), under
    // its text's hash (src/audio/audio-offline.ts: a changed text is a new file for the offline cache).
    const file = `/audio/nl/terms/veiligheidsbril.ogg?v=${nlManifest.files['terms:veiligheidsbril']!.sha256.slice(0, 16)}`;
    expect(requests.filter((u) => u.includes('.ogg'))).toEqual([file]);
    expect(playedKeys.at(-1)).toBe('nl:terms:veiligheidsbril');
    expect(playedFiles.at(-1)).toBe(file);
  });

  test('a word without audio is shown with its picture, but is no button (never a silent button)', async () => {
    const el = await render(<DutchWordButton term="woord-zonder-klank" pictogram="pictograms/safety-glasses.svg" />);
    expect(el.querySelector('button')).toBeNull();
    expect(el.querySelector('[data-testid="dutch-word"] strong')!.textContent).toBe('woord-zonder-klank');
    expect(el.querySelector('[data-testid="dutch-word"] img')).not.toBeNull();
    expect(requests.filter((u) => u.endsWith('.ogg'))).toEqual([]);
  });
});
