import type { SessionEvent } from '../../../src/engine';

/** The sample station played with slips: the stop button first (a mistake), a hint, then the work, a late slip. */
export const sampleWithSlips: SessionEvent[] = [
  { t: 800, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 1200, action: 'hint', object: 'wear-glasses', device: 'desktop' },
  { t: 1500, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 2600, action: 'press', object: 'stop-button', device: 'desktop' },
  { t: 3500, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6000, action: 'press', object: 'stop-button', device: 'desktop' },
];
