// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../src/engine';
import { replayTimeline } from '../../src/engine/replay-view';
import { ReplayControls } from '../../src/replay/replay-controls';
import { createReplayStore } from '../../src/replay/replay-store';
import { createSessionStore } from '../../src/state/session-store';
import { sampleScenario } from '../server/test-app';

const scenario = sampleScenario();
const events: SessionEvent[] = [
  { t: 800, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 2600, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];
const read = (ns: string) => JSON.parse(readFileSync(`locales/en/${ns}.json`, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // The English texts as shipped: the page's own and the sample station's.
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { replay: read('replay'), [scenario.id]: read('wood-intro-workbench') } }, interpolation: { escapeValue: false } });
});

async function rendered() {
  const timeline = replayTimeline(scenario, 'practice', events, [], 6000);
  const session = createSessionStore({ now: () => 0, uuid: () => 'replayed' });
  session.setState({ status: 'ended', scenario });
  const store = createReplayStore(timeline, session);
  const el = document.createElement('div');
  document.body.append(el);
  await act(async () => createRoot(el).render(<ReplayControls store={store} timeline={timeline} scenario={scenario} />));
  const click = (testId: string) => act(async () => el.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click());
  const states = () => Object.fromEntries([...el.querySelectorAll('[data-testid="replay-steps"] li')].map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]));
  const current = () => el.querySelector('.replay-mark[aria-current="true"]');
  return { el, store, click, states, current };
}

describe('the replay timeline and steps', () => {
  test('a mark for every step, mistake and hint; next mistake outlines it, with the steps done by then', async () => {
    const { el, click, states, current } = await rendered();
    expect([...el.querySelectorAll('.replay-mark')].map((m) => `${m.getAttribute('data-kind')}@${m.getAttribute('data-t')}`)).toEqual([
      'mistake@800',
      'step@1500',
      'mistake@2600',
      'step@3500',
      'step@6000',
    ]);
    expect(current()).toBeNull();
    expect(states()).toEqual({ 'wear-glasses': 'due', 'start-drill': 'todo', 'stop-drill': 'todo' });
    await click('replay-next-mistake');
    await click('replay-next-mistake');
    expect(current()?.getAttribute('data-t')).toBe('2600');
    expect(current()?.getAttribute('aria-label')).toBe('2.6\u00a0s: Mistake: Press the red stop button.');
    expect(states()).toEqual({ 'wear-glasses': 'done', 'start-drill': 'due', 'stop-drill': 'todo' });
    // No mistake after the last: the button says so by being off.
    expect(el.querySelector<HTMLButtonElement>('[data-testid="replay-next-mistake"]')!.disabled).toBe(true);
  });

  test('speed goes 1×, 2×, 4×, 1×; the viewpoint switches; play and pause', async () => {
    const { el, store, click } = await rendered();
    const speed = () => el.querySelector('[data-testid="replay-speed"]')!.textContent;
    expect(speed()).toBe('1×');
    await click('replay-speed');
    expect(speed()).toBe('2×');
    await click('replay-speed');
    await click('replay-speed');
    expect(speed()).toBe('1×');
    await click('replay-view-trainee');
    expect(el.querySelector('[data-testid="replay-view-trainee"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(store.getState().viewpoint).toBe('trainee');
    await click('replay-play');
    expect(el.querySelector('[data-testid="replay-play"]')!.textContent).toBe('Pause');
    await act(async () => store.getState().tick(1000));
    expect(el.querySelector('[data-testid="replay-time"]')!.getAttribute('data-t')).toBe('1000');
  });
});
