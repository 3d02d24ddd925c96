import { Color, MeshBasicMaterial, MeshLambertMaterial } from 'three';

/** The few materials of the moving parts, made once for the station (not per render). */
export const steel = new MeshLambertMaterial({ color: '#b8c2cc' });
export const darkSteel = new MeshLambertMaterial({ color: '#52606d' });
export const fabric = new MeshLambertMaterial({ color: '#6f98c9' });
export const thread = new MeshBasicMaterial({ color: '#f7c948' });
export const brush = new MeshLambertMaterial({ color: '#8d6e3f' });
export const flagRed = new MeshBasicMaterial({ color: '#d64545' });
/** The eye shield above the needle: clear polycarbonate, drawn faintly tinted. */
export const shield = new MeshLambertMaterial({ color: '#cfe8ff', transparent: true, opacity: 0.45 });

/** Indicator lamps: dark when off; useFrame sets the colour from the machine state. */
export const sewingLamp = new MeshBasicMaterial({ color: '#3e4c59' });
export const cutterLamp = new MeshBasicMaterial({ color: '#3e4c59' });
export const lampOff = new Color('#3e4c59');
export const lampOn = new Color('#3fb950');
export const lampRunning = new Color('#ffb000');
