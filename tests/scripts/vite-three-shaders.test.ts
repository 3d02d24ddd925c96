import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { minifiedGlsl, threeShadersPlugin } from '../../scripts/vite-three-shaders';

const shaders = join(process.cwd(), 'node_modules/three/src/renderers/shaders');
const modules = ['ShaderChunk', 'ShaderLib'].flatMap((dir) => readdirSync(join(shaders, dir)).filter((f) => f.endsWith('.glsl.js')).map((f) => join(shaders, dir, f)));

/** three's own patterns for what its preprocessor rewrites (WebGLProgram.js), read from the installed version. */
function threePattern(name: string): RegExp {
  const source = readFileSync(join(process.cwd(), 'node_modules/three/src/renderers/webgl/WebGLProgram.js'), 'utf8');
  const m = new RegExp(`const ${name} = /(.+)/(\\w*);`).exec(source);
  if (!m) throw new Error(`${name} is no longer in WebGLProgram.js`);
  return new RegExp(m[1]!, m[2]);
}

const transform = (code: string, id: string) => {
  const hook = threeShadersPlugin().transform as (code: string, id: string) => { code: string } | null;
  return hook(code, id);
};

describe('three.js shaders without comments and indentation', () => {
  test('comments, indentation and blank lines go; every line of code and directive stays on its own line', () => {
    const glsl = [
      '',
      '\t// a whole-line comment',
      '\t#ifdef USE_MAP /* after a directive */',
      '\t\tvec4 texel = texture2D( map, vMapUv ); // the colour',
      '',
      '\t\t/* a comment',
      '\t\t   over lines */',
      '\t\tdiffuseColor *= texel;',
      '\t#endif',
      '\t#pragma unroll_loop_start',
      '\tfor ( int i = 0; i < 4; i ++ ) {',
      '\t\tsum += w[ i ]; /* inline */ sum *= 2.0;',
      '\t}',
      '\t#pragma unroll_loop_end',
      '',
    ].join('\n');
    expect(minifiedGlsl(glsl)).toBe(
      ['#ifdef USE_MAP', 'vec4 texel = texture2D( map, vMapUv );', 'diffuseColor *= texel;', '#endif', '#pragma unroll_loop_start', 'for ( int i = 0; i < 4; i ++ ) {', 'sum += w[ i ];   sum *= 2.0;', '}', '#pragma unroll_loop_end'].join('\n'),
    );
  });

  test("every one of three's shader modules keeps its directives, includes and unrolled loops, and is smaller", () => {
    const include = threePattern('includePattern');
    const unroll = threePattern('unrollLoopPattern');
    let before = 0;
    let after = 0;
    expect(modules.length).toBeGreaterThan(100);
    for (const file of modules) {
      const code = readFileSync(file, 'utf8');
      const out = transform(code, file);
      expect(out, file).not.toBeNull();
      // Each template literal is one shader (a library module has a vertex and a fragment shader).
      const literals = (js: string) => [...js.matchAll(/`([^`]*)`/g)].map((m) => m[1]!).join('\n');
      const glslIn = literals(code);
      const glslOut = literals(out!.code);
      expect(glslOut, file).not.toMatch(/\/\/|\/\*/);
      // The directives in code, not those inside a commented-out block.
      const directives = (glsl: string) =>
        glsl
          .replace(/\/\*[\s\S]*?\*\//g, ' ')
          .split('\n')
          .map((l) => l.replace(/\/\/.*$/, '').trim())
          .filter((l) => l.startsWith('#'));
      expect(directives(glslOut), file).toEqual(directives(glslIn));
      expect(glslOut.match(include)?.length ?? 0, file).toBe(glslIn.match(include)?.length ?? 0);
      expect(glslOut.match(unroll)?.length ?? 0, file).toBe(glslIn.match(unroll)?.length ?? 0);
      before += code.length;
      after += out!.code.length;
    }
    expect(after).toBeLessThan(before * 0.9);
  });

  test('other modules are left alone', () => {
    expect(transform('export default `// not a shader`;', '/x/node_modules/three/src/math/Vector3.js')).toBeNull();
  });
});
