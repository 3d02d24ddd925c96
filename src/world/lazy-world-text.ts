import { lazyAfterFirstFrame } from './first-station-frame';

/** Text on a station in the trainee's language or (`script="dutch"`) as on the floor; lazy (troika). */
export const WorldText = lazyAfterFirstFrame(() => import('./world-text'));
