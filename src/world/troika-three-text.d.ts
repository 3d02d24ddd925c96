// troika-three-text ships no types; only what werkvloer calls is declared.
declare module 'troika-three-text' {
  import type { Mesh } from 'three';
  export function configureTextBuilder(config: { defaultFontURL?: string; useWorker?: boolean; sdfGlyphSize?: number }): void;
  export class Text extends Mesh {}
}
