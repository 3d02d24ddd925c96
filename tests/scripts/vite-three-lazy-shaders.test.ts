import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import {
  lazyShaderGroups,
  registrationModule,
  rendererShaders,
  shaderSplit,
  threeLazyShadersPlugin,
  withShaderGetters,
  withoutLazyImports,
} from '../../scripts/vite-three-lazy-shaders';

const three = join(process.cwd(), 'node_modules/three/src');
const shaders = join(three, 'renderers/shaders');
const split = shaderSplit(shaders);

/** The GLSL of a shader module (the template literal of `export default` or of `vertex` / `fragment`). */
const glslOf = (file: string, name = 'default') => {
  const code = readFileSync(file, 'utf8');
  const m = name === 'default' ? /export default \/\* glsl \*\/`([^`]*)`/.exec(code) : new RegExp(`export const ${name} = /\\* glsl \\*/\`([^\`]*)\``).exec(code);
  if (!m) throw new Error(`no ${name} shader in ${file}`);
  return m[1]!;
};

/** three's include pattern and resolution (WebGLProgram.js), over a given set of chunks. */
const include = (() => {
  const source = readFileSync(join(three, 'renderers/webgl/WebGLProgram.js'), 'utf8');
  const m = /const includePattern = \/(.+)\/(\w*);/.exec(source);
  if (!m) throw new Error('includePattern is no longer in WebGLProgram.js');
  return new RegExp(m[1]!, m[2]);
})();
function unresolved(glsl: string, chunks: Map<string, string>, missing = new Set<string>()): Set<string> {
  for (const m of glsl.matchAll(include)) {
    const chunk = chunks.get(m[1]!);
    if (chunk === undefined) missing.add(m[1]!);
    else unresolved(chunk, chunks, missing);
  }
  return missing;
}

const allChunks = new Map(readdirSync(join(shaders, 'ShaderChunk')).map((f) => [f.replace(/\.glsl\.js$/, ''), glslOf(join(shaders, 'ShaderChunk', f))]));
/** ShaderChunk as the first frame has it: without what loads with a material class. */
const firstFrameChunks = new Map([...allChunks].filter(([name]) => !split.lazyChunks.has(name)));
const libShaders = (lib: string) => ['vertex', 'fragment'].map((part) => glslOf(join(shaders, 'ShaderLib', `${lib}.glsl.js`), part));

describe("three's material shaders load with their material class", () => {
  test('the physical (standard) shader and its lighting are not in the first frame; basic and Lambert are', () => {
    expect(split.lazyLibs.has('meshphysical')).toBe(true);
    expect(split.lazyChunks.has('lights_physical_pars_fragment')).toBe(true);
    expect(split.lazyChunks.has('lights_lambert_pars_fragment')).toBe(false);
    expect(split.lazyLibs.has('meshbasic') || split.lazyLibs.has('meshlambert')).toBe(false);
    expect(split.lazyChunks.size).toBeGreaterThan(15);
  });

  test("every shader the renderer compiles for a station's first frame resolves all its includes without the lazy ones", () => {
    for (const lib of rendererShaders) for (const glsl of libShaders(lib)) expect([...unresolved(glsl, firstFrameChunks)], lib).toEqual([]);
  });

  test("each material's shaders resolve all their includes once its class's registration has run", () => {
    for (const [material, libs] of Object.entries(lazyShaderGroups)) {
      const group = split.groups.get(material)!;
      const registered = new Map([...firstFrameChunks, ...group.chunks.map((c) => [c, allChunks.get(c)!] as const)]);
      for (const lib of libs) for (const glsl of libShaders(lib)) expect([...unresolved(glsl, registered)], `${material}: ${lib}`).toEqual([]);
      // The registration module imports exactly those chunks and both shaders of each library.
      const code = registrationModule(material, split);
      for (const c of group.chunks) expect(code).toContain(`ShaderChunk.${c} = `);
      for (const lib of libs) expect(code).toMatch(new RegExp(`ShaderChunk\\.${lib}_vert = l\\d+\\.vertex;[\\s\\S]*ShaderChunk\\.${lib}_frag = l\\d+\\.fragment;`));
      expect(() => transformSync(code, { format: 'esm', loader: 'js' })).not.toThrow();
    }
  });

  test("ShaderChunk.js keeps its keys but imports only what the first frame's shaders include", () => {
    const code = readFileSync(join(shaders, 'ShaderChunk.js'), 'utf8');
    const out = withoutLazyImports(code, split);
    const imports = (js: string) => [...js.matchAll(/^import .* from '\.\/(ShaderChunk|ShaderLib)\/(\w+)\.glsl\.js';$/gm)].map((m) => m[2]!);
    expect(imports(out).filter((n) => split.lazyChunks.has(n) || split.lazyLibs.has(n))).toEqual([]);
    expect(imports(out).length).toBe(imports(code).length - split.lazyChunks.size - split.lazyLibs.size);
    expect(() => transformSync(out, { format: 'esm', loader: 'js' })).not.toThrow();
  });

  test('ShaderLib reads a shader when a program is compiled, and names a shader whose material class was never loaded', async () => {
    const code = withShaderGetters(readFileSync(join(shaders, 'ShaderLib.js'), 'utf8'));
    expect(code).not.toMatch(/(vertexShader|fragmentShader): ShaderChunk\./);
    // Run it against a ShaderChunk that holds only the basic shader.
    const dir = mkdtempSync(join(tmpdir(), 's16-firstframe-shaderlib-'));
    writeFileSync(join(dir, 'ShaderChunk.mjs'), "export const ShaderChunk = { meshbasic_vert: 'void main() {}' };\n");
    const runnable = code
      .replace("from './ShaderChunk.js'", `from '${pathToFileURL(join(dir, 'ShaderChunk.mjs')).href}'`)
      .replace(/from '(\.\.?\/[^']+)'/g, (_, rel: string) => `from '${pathToFileURL(join(shaders, rel)).href}'`);
    writeFileSync(join(dir, 'ShaderLib.mjs'), runnable);
    const { ShaderLib } = (await import(pathToFileURL(join(dir, 'ShaderLib.mjs')).href)) as { ShaderLib: Record<string, { vertexShader: string; fragmentShader: string; uniforms: object }> };
    const { ShaderChunk } = (await import(pathToFileURL(join(dir, 'ShaderChunk.mjs')).href)) as { ShaderChunk: Record<string, string> };
    expect(ShaderLib.basic!.vertexShader).toBe('void main() {}');
    expect(() => ShaderLib.physical!.fragmentShader).toThrow(/meshphysical_frag is loaded with its material class/);
    ShaderChunk.meshphysical_frag = 'registered';
    expect(ShaderLib.physical!.fragmentShader).toBe('registered');
    expect(ShaderLib.standard!.fragmentShader).toBe('registered');
    expect(Object.keys(ShaderLib.physical!.uniforms)).toContain('clearcoat');
  });

  test('a material class imports its registration; other modules are left alone', () => {
    const hook = threeLazyShadersPlugin().transform as (code: string, id: string) => { code: string } | null;
    const standard = hook('export class MeshStandardMaterial {}', '/x/node_modules/three/src/materials/MeshStandardMaterial.js');
    expect(standard!.code.startsWith("import 'virtual:werkvloer/three-shaders/MeshStandardMaterial';\n")).toBe(true);
    expect(hook('export class MeshBasicMaterial {}', '/x/node_modules/three/src/materials/MeshBasicMaterial.js')).toBeNull();
    expect(hook('export class MeshLambertMaterial {}', '/x/node_modules/three/src/materials/MeshLambertMaterial.js')).toBeNull();
    expect(hook('export const x = 1;', '/x/node_modules/three/src/math/Vector3.js')).toBeNull();
  });
});
