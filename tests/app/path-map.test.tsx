// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import PathMap from '../../src/app/path-map';
import type { StationEntry } from '../../src/app/station-catalog';
import type { TraineePathView } from '../../src/state/trainee-path-store';

const languages = ['nl', 'en', 'fr', 'tr', 'uk', 'ar', 'prs', 'ti'];
const read = (lng: string, ns: string) => JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as Record<string, unknown>;
const station = (folder: string, id: string): StationEntry =>
  ({ folder, id, version: 1, sector: 'wood', country: null, loadScenario: () => Promise.reject(new Error('not here')), loadComposition: () => Promise.reject(new Error('not here')) }) as StationEntry;
const stations = [station('wood/intro-workbench', 'wood-intro-workbench'), station('wood/panel-saw', 'wood-panel-saw'), station('wood/edge-banding', 'wood-edge-banding')];
const view: TraineePathView = {
  code: 'K7MX-4Q',
  modules: [
    { scenarioId: 'wood-intro-workbench', state: 'mastered', next: false, examOpen: false },
    { scenarioId: 'wood-panel-saw', state: 'exam', next: true, examOpen: true },
    { scenarioId: 'wood-edge-banding', state: 'locked', next: false, examOpen: false },
    // A module this app does not hold (a newer server): left off the map, not a broken tile.
    { scenarioId: 'wood-not-in-this-app', state: 'locked', next: false, examOpen: false },
  ],
};

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    resources: Object.fromEntries(languages.map((l) => [l, { ui: read(l, 'ui'), stations: { 'wood-intro-workbench': { title: 'A' }, 'wood-panel-saw': { title: 'B' }, 'wood-edge-banding': { title: 'C' } } }])),
    interpolation: { escapeValue: false },
  });
});

async function render(lng: string, onChoose = vi.fn()) {
  await i18next.changeLanguage(lng);
  const el = document.createElement('div');
  document.body.append(el);
  await act(async () => createRoot(el).render(<PathMap view={view} stations={stations} selected={null} onChoose={onChoose} />));
  return el;
}

describe('the learning path map on the start screen (issue 26)', () => {
  test('each module is its station tile with a drawn mark for its state; a locked one cannot be chosen', async () => {
    const onChoose = vi.fn();
    const el = await render('nl', onChoose);
    const items = [...el.querySelectorAll('[data-path-module]')];
    expect(items.map((li) => `${li.getAttribute('data-path-module')}:${li.getAttribute('data-path-state')}`)).toEqual(['wood-intro-workbench:done', 'wood-panel-saw:next', 'wood-edge-banding:locked']);
    // Shape and colour, not words alone: every tile carries its state's own drawing.
    expect(items.map((li) => li.querySelector('svg.path-mark')?.getAttribute('class'))).toEqual(['path-mark path-mark-done', 'path-mark path-mark-next', 'path-mark path-mark-locked']);
    const buttons = items.map((li) => li.querySelector('button')!);
    expect(buttons.map((b) => b.disabled)).toEqual([false, false, true]);
    // The word is the caption, so also what a screen reader says of the tile.
    const spoken = (b: HTMLElement) => {
      const copy = b.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return [...copy.querySelectorAll('strong, span:not(.path-state), em')].map((n) => n.textContent).join(' | ');
    };
    expect(buttons.map(spoken)).toEqual(['A | Hout | Klaar', 'B | Hout | Volgende | Examen open', 'C | Hout | Op slot']);
    buttons[1]!.click();
    expect(onChoose).toHaveBeenCalledWith('wood/panel-saw');
  });

  test('the states are named in every language of the app', async () => {
    for (const lng of languages) {
      const el = await render(lng);
      const ui = read(lng, 'ui') as { path: { title: string; state: Record<string, string> } };
      expect(el.querySelector('#path-heading')?.textContent).toBe(ui.path.title);
      expect([...el.querySelectorAll('[data-path-module] em:first-of-type')].map((e) => e.textContent)).toEqual([ui.path.state.done, ui.path.state.next, ui.path.state.locked]);
      el.remove();
    }
  });
});
