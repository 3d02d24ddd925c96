import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { shadowMapOffModule, threeWithoutShadowMapPlugin } from '../../scripts/vite-three-without-shadow-map';

const three = join(process.cwd(), 'node_modules/three/src');
const hook = threeWithoutShadowMapPlugin().transform as (code: string, id: string) => { code: string } | null;

interface ShadowMapOff {
  enabled: boolean;
  autoUpdate: boolean;
  needsUpdate: boolean;
  type: number;
  render(...args: unknown[]): void;
}

async function shadowMapOff(): Promise<new () => ShadowMapOff> {
  const dir = mkdtempSync(join(tmpdir(), 's16-firstframe-shadowmap-'));
  writeFileSync(join(dir, 'shadow-map-off.mjs'), shadowMapOffModule.replace("'three/src/constants.js'", `'${pathToFileURL(join(three, 'constants.js')).href}'`));
  return ((await import(pathToFileURL(join(dir, 'shadow-map-off.mjs')).href)) as { WebGLShadowMap: new () => ShadowMapOff }).WebGLShadowMap;
}

describe("three's renderer without its shadow map", () => {
  test("the renderer's import of the shadow map is replaced, nothing else of it", () => {
    const file = join(three, 'renderers/WebGLRenderer.js');
    const code = readFileSync(file, 'utf8');
    const out = hook(code, file)!.code;
    expect(out).not.toContain('./webgl/WebGLShadowMap.js');
    expect(out).toContain("import { WebGLShadowMap } from 'virtual:werkvloer/three-shadow-map-off';");
    expect(out.length - code.length).toBe("'virtual:werkvloer/three-shadow-map-off'".length - "'./webgl/WebGLShadowMap.js'".length);
    expect(hook('export const x = 1;', join(three, 'math/Vector3.js'))).toBeNull();
  });

  test('a three.js whose renderer imports its shadow map otherwise fails the build instead of keeping it whole', () => {
    expect(() => hook("import { WebGLShadowMap } from './webgl/ShadowMap.js';", join(three, 'renderers/WebGLRenderer.js'))).toThrow(/update scripts\/vite-three-without-shadow-map\.ts/);
  });

  test("the stand-in has every property three's shadow map has, stays off, and refuses to be turned on", async () => {
    const WebGLShadowMap = await shadowMapOff();
    const { PCFShadowMap } = (await import(pathToFileURL(join(three, 'constants.js')).href)) as { PCFShadowMap: number };
    const real = readFileSync(join(three, 'renderers/webgl/WebGLShadowMap.js'), 'utf8');
    const properties = [...new Set([...real.matchAll(/^\tthis\.(\w+) = /gm)].map((m) => m[1]!))];
    expect(properties).toEqual(expect.arrayContaining(['enabled', 'autoUpdate', 'needsUpdate', 'type', 'render']));
    const map = new WebGLShadowMap();
    for (const p of properties) expect(map, p).toHaveProperty(p);
    expect(map.type).toBe(PCFShadowMap);
    // What react-three-fiber does for a canvas without `shadows`, and the renderer's save and restore in compile().
    map.enabled = false;
    expect(map.enabled).toBe(false);
    expect(() => map.render([], {}, {})).not.toThrow();
    expect(() => {
      map.enabled = true;
    }).toThrow(/real-time shadows are not in this build/);
    expect(map.enabled).toBe(false);
  });
});
