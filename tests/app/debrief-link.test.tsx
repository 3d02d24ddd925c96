// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../src/engine';
import { replayTimeline } from '../../src/engine/replay-view';
import DebriefLink from '../../src/app/debrief-link';
import { replayRequest } from '../../src/replay/replay-request';
import { sampleScenario } from '../server/test-app';

const scenario = sampleScenario();
/** Two slips: the stop button before anything (0.8 s), and again while the drill is not running (2.6 s). */
const events: SessionEvent[] = [
  { t: 800, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 2600, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];
const read = (ns: string) => JSON.parse(readFileSync(`locales/fr/${ns}.json`, 'utf8')) as Record<string, unknown>;
const sessionId = '6f1c2a4e-0b7d-4e8a-9c3f-2d5e8a1b7c90';

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  await i18next.use(initReactI18next).init({ lng: 'fr', resources: { fr: { replay: read('replay'), [scenario.id]: read('wood-intro-workbench') } }, interpolation: { escapeValue: false } });
});

describe('the debrief on the end screen', () => {
  test('from the first mistake, and from each slip on its own: each link opens the replay at that moment, as the trainee, in their language', async () => {
    const timeline = replayTimeline(scenario, 'practice', events);
    const engine = timeline.states.at(-1)!;
    expect(engine.mistakes.map((m) => m.t)).toEqual([800, 2600]);
    const el = document.createElement('div');
    document.body.append(el);
    await act(async () => createRoot(el).render(<DebriefLink sessionId={sessionId} language="fr" scenario={scenario} engine={engine} />));
    const first = new URL(el.querySelector<HTMLAnchorElement>('[data-action="replay-mistake"]')!.href, 'http://x');
    expect(first.pathname).toBe('/replay.html');
    expect(replayRequest(first.search)).toMatchObject({ sessionId, fromFirstMistake: true, at: null, asTrainee: true, language: 'fr' });
    const slips = [...el.querySelectorAll<HTMLAnchorElement>('[data-action="replay-slip"]')];
    expect(slips.map((a) => replayRequest(new URL(a.href, 'http://x').search))).toMatchObject([
      { sessionId, at: 800, asTrainee: true, language: 'fr' },
      { sessionId, at: 2600, asTrainee: true, language: 'fr' },
    ]);
    const french = JSON.parse(readFileSync('locales/fr/wood-intro-workbench.json', 'utf8')) as { steps: Record<string, { instruction: string }> };
    // Each slip names, in French, the step it counts against (the stop pressed out of turn: the stop step).
    expect(engine.mistakes.map((m) => m.step)).toEqual(['stop-drill', 'stop-drill']);
    for (const li of el.querySelectorAll('.debrief-slips li')) expect(li.textContent).toContain(`Erreur : ${french.steps['stop-drill']!.instruction}`);
    expect(slips[0]!.textContent).toBe(read('replay').debriefAt);
  });
});
