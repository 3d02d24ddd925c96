// The one troika class the food station's signs use beyond src/world/troika-three-text.d.ts
// (ambient module declarations merge).
declare module 'troika-three-text' {
  /** Draws every troika Text added to it as one mesh: one draw call for all of them. */
  export class BatchedText extends import('three').Mesh {
    dispose(): void;
  }
}
