import { MeshBasicMaterial } from 'three';

/** One material for every hit box: `visible: false` is never drawn (no draw call) but rays still hit it. */
const unseen = new MeshBasicMaterial({ visible: false });

/** An invisible box that catches pointers around a small or thin object. */
export function HitBox({ size, name, position }: { size: readonly [number, number, number]; name?: string; position?: [number, number, number] }) {
  return (
    <mesh name={name} position={position} material={unseen}>
      <boxGeometry args={[size[0], size[1], size[2]]} />
    </mesh>
  );
}
