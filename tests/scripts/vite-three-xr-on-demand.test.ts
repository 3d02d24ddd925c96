import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { threeXrOnDemandPlugin } from '../../scripts/vite-three-xr-on-demand';

describe("three's renderer takes its XR manager from src/play/xr-manager-slot.ts", () => {
  test("the build points three's renderer at this module, and stops if three makes its manager otherwise", () => {
    const plugin = threeXrOnDemandPlugin();
    const hook = plugin.transform as (code: string, id: string) => { code: string } | null;
    const file = join(process.cwd(), 'node_modules/three/src/renderers/WebGLRenderer.js');
    const out = hook(readFileSync(file, 'utf8'), file)!.code;
    expect(out).not.toContain('./webxr/WebXRManager.js');
    expect(out).toContain(`import { WebXRManager } from ${JSON.stringify(join(process.cwd(), 'src/play/xr-manager-slot.ts'))};`);
    expect(hook('export const x = 1;', join(process.cwd(), 'node_modules/three/src/math/Vector3.js'))).toBeNull();
    expect(() => hook("import { WebXRManager } from './xr/Manager.js';", file)).toThrow(/update scripts\/vite-three-xr-on-demand\.ts/);
  });
});
