/**
 * The station kit's front door: the only module of the app a file under scenes/ imports (the lint
 * rules hold it). Everything here is a named export of a side-effect-free module, so a station's
 * chunk keeps only what it uses; text arrives through lazy components, after the first frame.
 */
export type { ArrivalSpotProps } from './arrival-spot';
export type { ClassifyCard, ClassifyCardsProps } from './classify-cards';
export { DropZone, type DropZoneProps } from './drop-zone';
export { Grabbable, type GrabbableProps } from './grabbable';
export { HazardZone, type HazardZoneProps } from './hazard-zone';
export { HitBox } from './hit-box';
export type { HoldControlProps } from './hold-control';
export type { InspectableProps } from './inspectable';
export { Interactable, type InteractableProps } from './interactable';
export type { ValueControlProps } from './value-control';
export { WhenStep, type WhenStepProps } from './when-step';
export { firstStationFrame, lazyAfterFirstFrame } from './first-station-frame';
export { AfterFirstFrames, useAfterFrames } from './after-first-frames';
export { mergeStaticParts, StaticParts, staticPartsMaterial, type StaticPart } from './static-parts';
export { PartsBuilder } from './parts-builder';
export { box, cylinder } from './kit/shapes';
export { sharedMaterial, type SharedMaterial } from './shared-materials';
export { useSession, useSessionStore } from '../state/session-context';
export type { SessionState } from '../state/session-store';
export { appClock } from '../state/app-clock';
export { defaultFontUrl, fontForLanguage } from '../i18n/fonts';
export { languageInfo } from '../i18n/languages';
export { formatNumber } from '../i18n/format-number';
export type { WorldTextProps } from './world-text';

import { lazyAfterFirstFrame } from './first-station-frame';
export { ArrivalSpot, ClassifyCards, HoldControl, Inspectable, ValueControl } from './later-parts';
import { partAfterFirstFrame } from './part-after-first-frame';

/** A moving piece's look, drawn by the station's live batch; station.tsx comes after the first frame, and so does this. */
export const LookMesh = partAfterFirstFrame(() => import('./kit/look-mesh').then((m) => m.LookMesh));

/** Text on a station in the trainee's language or (`script="dutch"`) as on the floor; lazy. */
export const WorldText = lazyAfterFirstFrame(() => import('./world-text'));
