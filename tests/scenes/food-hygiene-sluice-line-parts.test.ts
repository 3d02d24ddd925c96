import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Color } from 'three';
import { parseScenario } from '../../src/engine';
import { box, cylinder } from '../../src/world/kit/look';
import { mergeStaticParts, type StaticPart } from '../../src/world/static-parts';
import { loadLayoutFile } from '../../scripts/layout-file';

const root = process.cwd();

function layoutOf(folder: string) {
  const file = join(root, 'scenes', folder, 'scenario.json');
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error(`${folder}: scenario does not parse`);
  const loaded = loadLayoutFile(root, file, parsed.scenario);
  if (!loaded.layout) throw new Error(JSON.stringify(loaded.issues));
  return loaded.layout;
}

describe('food station parts: the kit shorthands give StaticParts, merged into one coloured mesh', () => {
  test('keeps every triangle, puts each part where it belongs and colours its vertices', () => {
    const g = mergeStaticParts([box([0.2, 0.1, 0.4], [1, 0, 0], '#ff0000'), cylinder(0.05, 0.3, [0, 1, 0], '#0000ff', undefined, 8)]);
    g.computeBoundingBox();
    const boxTriangles = 12;
    const cylinderTriangles = 8 * 2 + 8 * 2; // side quads (2 triangles each) + two caps of 8 triangles
    expect(g.index!.count / 3).toBe(boxTriangles + cylinderTriangles);
    expect(g.getAttribute('normal').count).toBe(g.getAttribute('position').count);
    expect(g.boundingBox!.min.toArray()).toEqual([expect.closeTo(-0.05), expect.closeTo(-0.05), expect.closeTo(-0.2)]);
    expect(g.boundingBox!.max.toArray()).toEqual([expect.closeTo(1.1), expect.closeTo(1.15), expect.closeTo(0.2)]);
    const colors = g.getAttribute('color');
    const red = new Color('#ff0000');
    const blue = new Color('#0000ff');
    expect([colors.getX(0), colors.getY(0), colors.getZ(0)]).toEqual([red.r, red.g, red.b]);
    const last = colors.count - 1;
    expect([colors.getX(last), colors.getY(last), colors.getZ(last)]).toEqual([blue.r, blue.g, blue.b]);
  });

  test('a rotated part turns about its own centre', () => {
    const g = mergeStaticParts([box([0.4, 0.02, 0.02], [0, 1, 0], '#ffffff', [0, 0, Math.PI / 2])]);
    g.computeBoundingBox();
    expect(g.boundingBox!.max.y).toBeCloseTo(1.2);
    expect(g.boundingBox!.max.x).toBeCloseTo(0.01);
  });

  test.each(['food/hygiene-sluice-line-be', 'food/hygiene-sluice-line-nl'])('%s: the static body is one mesh of a few thousand triangles; scales and zones are within reach of the work position', (folder) => {
    const layout = layoutOf(folder);
    const g = mergeStaticParts(layout.static as StaticPart[]);
    expect(g.index!.count / 3).toBeGreaterThan(500);
    expect(g.index!.count / 3).toBeLessThan(5000);
    // Seated, one-handed: nothing to use is more than an arm and a lean away from the trainee (z = 0.25).
    const far = (p: readonly number[]) => Math.hypot(p[0]!, p[2]! - 0.25);
    const sliders = layout.parts.filter((p) => p.part === 'slider');
    const zones = layout.parts.filter((p) => p.part === 'drop-zone');
    expect(sliders.map((p) => p.object)).toEqual(['temp-chicken', 'temp-mince', 'portion', 'temp-room']);
    expect(zones.map((z) => z.zone)).toEqual(['line-infeed', 'crate-mince', 'reject-bin', 'towel-bin', 'hold-rack', 'dispatch', 'cat3-bin']);
    for (const c of sliders) expect(far(c.position)).toBeLessThan(1.1);
    for (const z of zones) expect(far(z.position)).toBeLessThan(1.2);
  });
});
