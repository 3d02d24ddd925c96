import { configureTextBuilder } from 'troika-three-text';
import { defaultFontUrl } from '../i18n/fonts';

// Runs once, when the first module that draws text loads — before any text is built. Without a
// local default font troika fetches fallbacks from a CDN, which fails offline (RECIPES.md).
configureTextBuilder({ defaultFontURL: defaultFontUrl });

export const textReady = true;
