// troika-three-text ships no types; only what werkvloer calls is declared.
declare module 'troika-three-text' {
  import type { Mesh } from 'three';
  export function configureTextBuilder(config: { defaultFontURL?: string; useWorker?: boolean; sdfGlyphSize?: number }): void;
  export class Text extends Mesh {}
  /** Any number of Texts drawn in one call, each at its own `matrix` (experimental in troika 0.52). */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
    updateBounds(): void;
    _prepareForRender(material: unknown): void;
  }
}
