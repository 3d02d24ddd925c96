/**
 * The hall around every station: floor, light and a back wall. Baked-looking flat lighting
 * (no real-time shadows) keeps a Quest at frame rate.
 */
export function WorkshopRoom() {
  return (
    <group name="workshop-room">
      <color attach="background" args={['#dfe7ee']} />
      <hemisphereLight args={['#ffffff', '#8a8f99', 2.2]} />
      <directionalLight position={[2, 4, 2]} intensity={1.2} />
      <mesh rotation={[-Math.PI / 2, 0, 0]} name="floor">
        <planeGeometry args={[12, 12]} />
        <meshLambertMaterial color="#9aa5b1" />
      </mesh>
      <mesh position={[0, 1.5, -3]} name="back-wall">
        <planeGeometry args={[12, 3]} />
        <meshLambertMaterial color="#f0f4f8" />
      </mesh>
    </group>
  );
}
