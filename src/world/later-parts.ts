import { lazyAfterFirstFrame } from './first-station-frame';
import { partAfterFirstFrame } from './part-after-first-frame';

// Parts a trainee operates only in later steps (the end check's cards, a dial, a held control, a
// part to look over, a spot to teleport to) load after the station's first frame: the VR path's
// JavaScript is at its budget. Until they arrive (a few frames later), nothing of them is drawn;
// each waits in its own Suspense. The kit's parts and station.tsx files both take them from here.
export const ArrivalSpot = partAfterFirstFrame(() => import('./arrival-spot').then((m) => m.ArrivalSpot));
export const ClassifyCards = partAfterFirstFrame(() => import('./classify-cards').then((m) => m.ClassifyCards));
export const HoldControl = partAfterFirstFrame(() => import('./hold-control').then((m) => m.HoldControl));
export const Inspectable = partAfterFirstFrame(() => import('./inspectable').then((m) => m.Inspectable));
export const ValueControl = partAfterFirstFrame(() => import('./value-control').then((m) => m.ValueControl));
// Nothing is put down or reached into before the station is on screen: the kit's drop zones and
// danger areas, and the pictures on its signs, come a few frames after its first frame.
export const DropZone = partAfterFirstFrame(() => import('./drop-zone').then((m) => m.DropZone));
export const HazardZone = partAfterFirstFrame(() => import('./hazard-zone').then((m) => m.HazardZone));
export const PictogramSlot = partAfterFirstFrame(() => import('./pictogram-slot').then((m) => m.PictogramSlot));
// What is picked up is seen from the first frame on and picked up a few frames later: a kit part shows
// its look as this one's Suspense fallback until the grab's code (pointer gestures, drop zones) is there.
export const GrabbableAfterFirstFrame = lazyAfterFirstFrame(() => import('./grabbable').then((m) => ({ default: m.Grabbable })));
