import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * three.js's renderer imports the GLSL of every material it knows (ShaderChunk.js), used or not: the
 * physical (PBR) shader alone is several KB gzip of the JavaScript before a station's first frame,
 * which draws with basic and Lambert materials only. This plugin moves the GLSL that only one kind of
 * material needs next to that material's class: the class module imports it, so whichever chunk
 * creates such a material (the glTF loader, a controller model) brings its shaders with it, and a
 * program can never be compiled before its GLSL is there (ES modules run a dependency first).
 */

/** Each material class whose own shaders load with it, by the ShaderLib shader(s) it draws with (WebGLPrograms.js's shaderIDs). */
export const lazyShaderGroups: Record<string, readonly string[]> = {
  MeshStandardMaterial: ['meshphysical'],
  MeshPhongMaterial: ['meshphong'],
  MeshToonMaterial: ['meshtoon'],
  MeshMatcapMaterial: ['meshmatcap'],
  MeshNormalMaterial: ['meshnormal'],
  PointsMaterial: ['points'],
  SpriteMaterial: ['sprite'],
  LineDashedMaterial: ['linedashed'],
  ShadowMaterial: ['shadow'],
  // The shadow map's own materials: no shadow map in werkvloer's build (scripts/vite-three-without-shadow-map.ts).
  MeshDepthMaterial: ['depth'],
  MeshDistanceMaterial: ['distance'],
};

/**
 * Shaders the renderer itself uses whatever the station draws, so they stay where they are: basic and
 * Lambert (every station, lines too) and the background and environment shaders (WebGLBackground,
 * PMREMGenerator, cube render targets, made with the renderer).
 */
export const rendererShaders = ['meshbasic', 'meshlambert', 'background', 'backgroundCube', 'cube', 'equirect'] as const;

const includePattern = /^[ \t]*#include +<([\w\d./]+)>/gm;

export interface ShaderSplit {
  /** ShaderChunk module names (ShaderChunk/<name>.glsl.js) that load with their material's class only. */
  lazyChunks: Set<string>;
  /** ShaderLib module names (ShaderLib/<name>.glsl.js) that load with their material's class only. */
  lazyLibs: Set<string>;
  /** Per material class, the chunks and libraries its registration module brings. */
  groups: Map<string, { chunks: string[]; libs: string[] }>;
}

/** The chunks a ShaderLib shader includes, followed through chunks that include others (as WebGLProgram resolves them). */
function includesOf(shadersDir: string, lib: string): Set<string> {
  const seen = new Set<string>();
  const visit = (glsl: string) => {
    for (const m of glsl.matchAll(includePattern)) {
      const name = m[1]!;
      if (seen.has(name)) continue;
      seen.add(name);
      visit(readFileSync(join(shadersDir, 'ShaderChunk', `${name}.glsl.js`), 'utf8'));
    }
  };
  visit(readFileSync(join(shadersDir, 'ShaderLib', `${lib}.glsl.js`), 'utf8'));
  return seen;
}

/** Which of three's shader modules stay with the renderer and which load with their material class. */
export function shaderSplit(shadersDir: string): ShaderSplit {
  const kept = new Set<string>();
  for (const lib of rendererShaders) for (const c of includesOf(shadersDir, lib)) kept.add(c);
  const chunkFiles = new Set(readdirSync(join(shadersDir, 'ShaderChunk')).map((f) => f.replace(/\.glsl\.js$/, '')));
  const groups = new Map<string, { chunks: string[]; libs: string[] }>();
  const lazyChunks = new Set<string>();
  const lazyLibs = new Set<string>();
  for (const [material, libs] of Object.entries(lazyShaderGroups)) {
    const chunks = new Set<string>();
    for (const lib of libs) for (const c of includesOf(shadersDir, lib)) if (!kept.has(c)) chunks.add(c);
    for (const c of chunks) {
      if (!chunkFiles.has(c)) throw new Error(`three's ${libs.join(', ')} shader includes <${c}>, which is not in ShaderChunk/`);
      lazyChunks.add(c);
    }
    for (const lib of libs) lazyLibs.add(lib);
    groups.set(material, { chunks: [...chunks].sort(), libs: [...libs] });
  }
  return { lazyChunks, lazyLibs, groups };
}

const virtualPrefix = 'virtual:werkvloer/three-shaders/';
const materialModule = /\/three\/src\/materials\/(\w+)\.js$/;

/** ShaderChunk.js without the lazy modules: their keys stay, undefined until their material's class registers them. */
export function withoutLazyImports(code: string, split: ShaderSplit): string {
  let out = code.replace(/^import (\w+) from '\.\/ShaderChunk\/(\w+)\.glsl\.js';$/gm, (line, binding: string, name: string) =>
    split.lazyChunks.has(name) ? `const ${binding} = undefined;` : line,
  );
  out = out.replace(/^import \* as (\w+) from '\.\/ShaderLib\/(\w+)\.glsl\.js';$/gm, (line, binding: string, name: string) =>
    split.lazyLibs.has(name) ? `const ${binding} = {};` : line,
  );
  return out;
}

/**
 * ShaderLib.js reads each library's GLSL when the renderer compiles a program, not when the module
 * loads (the GLSL may arrive later, with its material); a shader asked for before its material's class
 * was loaded fails with its name instead of compiling an empty program.
 */
export function withShaderGetters(code: string): string {
  const out = code.replace(/\b(vertexShader|fragmentShader): ShaderChunk\.(\w+)/g, (_, key: string, name: string) => `get ${key}() { return shaderChunkOf('${name}'); }`);
  return `${out}\nfunction shaderChunkOf(name) {\n\tconst glsl = ShaderChunk[name];\n\tif (glsl === undefined) throw new Error('three.js shader ' + name + ' is loaded with its material class (scripts/vite-three-lazy-shaders.ts): import that class before drawing with it');\n\treturn glsl;\n}\n`;
}

/** The module a material class imports: puts its GLSL into ShaderChunk. */
export function registrationModule(material: string, split: ShaderSplit): string {
  const group = split.groups.get(material);
  if (!group) throw new Error(`no lazy shaders for ${material}`);
  const lines = [`import { ShaderChunk } from 'three/src/renderers/shaders/ShaderChunk.js';`];
  group.chunks.forEach((c, i) => lines.push(`import c${i} from 'three/src/renderers/shaders/ShaderChunk/${c}.glsl.js';`));
  group.libs.forEach((l, i) => lines.push(`import * as l${i} from 'three/src/renderers/shaders/ShaderLib/${l}.glsl.js';`));
  group.chunks.forEach((c, i) => lines.push(`ShaderChunk.${c} = c${i};`));
  group.libs.forEach((l, i) => lines.push(`ShaderChunk.${l}_vert = l${i}.vertex;`, `ShaderChunk.${l}_frag = l${i}.fragment;`));
  return `${lines.join('\n')}\n`;
}

export function threeLazyShadersPlugin(): Plugin {
  let split: ShaderSplit | null = null;
  const splitFor = (shadersDir: string) => (split ??= shaderSplit(shadersDir));
  let shadersDir: string | null = null;
  return {
    name: 'werkvloer-three-lazy-shaders',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(virtualPrefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${virtualPrefix}`)) return null;
      if (!shadersDir) throw new Error('three.js shader registration loaded before three\'s ShaderChunk.js was seen');
      return registrationModule(id.slice(virtualPrefix.length + 1), splitFor(shadersDir));
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (file.endsWith('/three/src/renderers/shaders/ShaderChunk.js')) {
        shadersDir = dirname(file);
        return { code: withoutLazyImports(code, splitFor(shadersDir)), map: null };
      }
      if (file.endsWith('/three/src/renderers/shaders/ShaderLib.js')) return { code: withShaderGetters(code), map: null };
      const material = materialModule.exec(file)?.[1];
      if (material && material in lazyShaderGroups) {
        shadersDir ??= join(dirname(dirname(file)), 'renderers/shaders');
        return { code: `import '${virtualPrefix}${material}';\n${code}`, map: null };
      }
      return null;
    },
  };
}
