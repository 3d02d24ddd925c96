import type { KitPartName } from '../../engine';

/**
 * Where each kit part lives: file (under src/world/kit/) and export. Names only — no imports — so
 * the build can generate, per station, a module that imports just the parts its layout uses.
 */
export const kitCatalog: Readonly<Record<KitPartName, readonly [file: string, exportName: string]>> = {
  'push-button': ['push-button', 'pushButton'],
  'emergency-stop': ['emergency-stop', 'emergencyStop'],
  'main-switch': ['main-switch', 'mainSwitch'],
  'stack-light': ['stack-light', 'stackLight'],
  display: ['display', 'display'],
  'guard-door': ['guard-door', 'guardDoor'],
  'fixed-guard': ['fixed-guard', 'fixedGuard'],
  ppe: ['ppe', 'ppe'],
  'ppe-rack': ['ppe-rack', 'ppeRack'],
  bin: ['bin', 'bin'],
  box: ['cardboard-box', 'cardboardBox'],
  pallet: ['pallet', 'pallet'],
  scale: ['scale', 'scale'],
  'hand-tool': ['hand-tool', 'handTool'],
  clipboard: ['clipboard', 'clipboard'],
  'safety-sign': ['safety-sign', 'safetySign'],
  sink: ['sink', 'sink'],
  conveyor: ['conveyor', 'conveyor'],
  person: ['person', 'person'],
  workpiece: ['workpiece', 'workpiece'],
  slider: ['slider', 'slider'],
  cards: ['cards', 'cards'],
  'drop-zone': ['drop-zone-part', 'dropZonePart'],
  'hazard-zone': ['hazard-zone-part', 'hazardZonePart'],
  'arrival-spot': ['arrival-spot-part', 'arrivalSpotPart'],
};
