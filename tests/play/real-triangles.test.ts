import { InstancedBufferGeometry } from 'three';
import { WebGLInfo } from 'three/src/renderers/webgl/WebGLInfo.js';
import { describe, expect, test } from 'vitest';
import { countRealDraws } from '../../src/play/real-triangles';

// WebGL's draw modes, as three's WebGLInfo reads them off the context.
const gl = { TRIANGLES: 4, LINES: 1, LINE_STRIP: 3, LINE_LOOP: 2, POINTS: 0 } as unknown as WebGLRenderingContext;

describe('countRealDraws: renderer.info counts what is drawn', () => {
  test("a text before its glyphs (an instanced geometry with no instances yet) asks for Infinity instances: three's own count becomes Infinity", () => {
    // What three hands on for troika's GlyphsGeometry before its first sync (no instance attribute, so no _maxInstanceCount).
    expect(new InstancedBufferGeometry().instanceCount).toBe(Infinity);
    const info = new WebGLInfo(gl);
    info.update(6, gl.TRIANGLES, Infinity);
    expect(info.render.triangles).toBe(Infinity);
  });

  test('patched, that draw counts as none; every real draw still counts its triangles, instanced or not, and patching twice changes nothing', () => {
    const info = new WebGLInfo(gl);
    countRealDraws(info);
    countRealDraws(info);
    info.update(36, gl.TRIANGLES, 1); // a box
    info.update(6, gl.TRIANGLES, Infinity); // a reading copy's text in its first frame
    info.update(6, gl.TRIANGLES, 120); // the same text with its 120 glyphs
    info.update(6, gl.TRIANGLES, Number.NaN);
    expect(info.render.triangles).toBe(12 + 240);
    expect(info.render.calls).toBe(4);
    expect(Number.isFinite(info.render.triangles)).toBe(true);
  });
});
