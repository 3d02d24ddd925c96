import { Color, MeshBasicMaterial, MeshLambertMaterial } from 'three';

/** The colours of the moving parts, drawn by the station's live batch (vertex colours, one draw call). */
export const colors = { steel: '#b8c2cc', darkSteel: '#52606d', fabric: '#6f98c9', brush: '#8d6e3f' } as const;

/** The few materials of what is not in the batch, made once for the station (not per render). */
export const thread = new MeshBasicMaterial({ color: '#f7c948' });
export const flagRed = new MeshBasicMaterial({ color: '#d64545' });
/** The eye shield above the needle: clear polycarbonate, drawn faintly tinted. */
export const shield = new MeshLambertMaterial({ color: '#cfe8ff', transparent: true, opacity: 0.45 });

/** Indicator lamps: dark when off; useFrame sets the colour from the machine state. */
export const sewingLamp = new MeshBasicMaterial({ color: '#3e4c59' });
export const cutterLamp = new MeshBasicMaterial({ color: '#3e4c59' });
export const lampOff = new Color('#3e4c59');
export const lampOn = new Color('#3fb950');
export const lampRunning = new Color('#ffb000');
