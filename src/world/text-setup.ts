import { Text, configureTextBuilder } from 'troika-three-text';
import { defaultFontUrl } from '../i18n/fonts';

// Runs once, when the first module that draws text loads — before any text is built. Without a
// local default font troika fetches fallbacks from a CDN, which fails offline (RECIPES.md).
configureTextBuilder({ defaultFontURL: defaultFontUrl });

// Text is never what a VR pointer meets: what is pressed has its own plate or hit box, which the
// text lies on. Until troika has laid a text out, its bounds are NaN, and a grab pointer's sphere
// "touches" it at a NaN distance that wins over the ray: the ray is switched off and lets go of
// the part it carries (cards appearing mid-carry dropped it).
Text.prototype.pointerEvents = 'none';

export const textReady = true;
