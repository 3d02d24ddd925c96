import ReactThreeTestRenderer from '@react-three/test-renderer';
import type { BufferGeometry, Mesh } from 'three';
import { describe, expect, test } from 'vitest';
import { PanelPlates, platesAsParts, usePanelPlate, type PanelPlate } from '../../src/play/panel-plates';

function Plate({ id, plate }: { id: string; plate: PanelPlate }) {
  const shared = usePanelPlate(id, plate);
  return <group name={`${id}:${shared ? 'shared' : 'own'}`} />;
}

// React's act() is what the test renderer uses to flush updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const blue: PanelPlate = { x: -0.2, y: 0, width: 0.3, height: 0.12, color: '#1f6feb' };
const green: PanelPlate = { x: 0.2, y: -0.1, width: 0.3, height: 0.12, color: '#2da44e' };

const platesMesh = (r: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) =>
  r.scene.allChildren.filter((c) => c.props.name === 'panel-plates').map((c) => c.instance as Mesh);

describe('panel plates: every button plate of a panel in one draw call', () => {
  test('plates become thin boxes in a fixed order, at their place, in their colour', () => {
    const parts = platesAsParts({ b: green, a: blue });
    expect(parts).toEqual([
      { box: [0.3, 0.12, 0.001], position: [-0.2, 0, 0], color: '#1f6feb' },
      { box: [0.3, 0.12, 0.001], position: [0.2, -0.1, 0], color: '#2da44e' },
    ]);
  });

  test('two buttons on a panel: one mesh holds both plates; a recolour rebuilds it; an unmount removes the plate', async () => {
    const r = await ReactThreeTestRenderer.create(
      <PanelPlates>
        <Plate id="a" plate={blue} />
        <Plate id="b" plate={green} />
      </PanelPlates>,
    );
    expect(r.scene.allChildren.map((c) => c.props.name)).toEqual(expect.arrayContaining(['a:shared', 'b:shared']));
    let meshes = platesMesh(r);
    expect(meshes).toHaveLength(1);
    const geometry = meshes[0]!.geometry as BufferGeometry;
    // A box has 24 vertices: two boxes, one geometry.
    expect(geometry.getAttribute('position').count).toBe(48);
    geometry.computeBoundingBox();
    expect(geometry.boundingBox!.min.x).toBeCloseTo(-0.35, 5);
    expect(geometry.boundingBox!.max.x).toBeCloseTo(0.35, 5);

    await r.update(
      <PanelPlates>
        <Plate id="a" plate={{ ...blue, color: '#4c8ff5' }} />
      </PanelPlates>,
    );
    meshes = platesMesh(r);
    expect(meshes).toHaveLength(1);
    const after = meshes[0]!.geometry as BufferGeometry;
    expect(after.getAttribute('position').count).toBe(24);
    // #4c8ff5 in linear light: red channel about 0.072.
    expect(after.getAttribute('color').getX(0)).toBeCloseTo(0.0723, 3);
    await r.unmount();
  });

  test('a button outside any panel draws its own plate', async () => {
    const r = await ReactThreeTestRenderer.create(<Plate id="alone" plate={blue} />);
    expect(r.scene.allChildren.map((c) => c.props.name)).toContain('alone:own');
    expect(platesMesh(r)).toHaveLength(0);
    await r.unmount();
  });
});
