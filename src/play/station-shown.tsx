import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';

/**
 * Calls `onShown` once, after the station's first frame has been drawn. Mounted next to the
 * station inside its Suspense boundary, so it only runs once the station's chunk is there.
 */
export function StationShown({ onShown }: { onShown: () => void }) {
  const frames = useRef(0);
  useFrame(() => {
    // useFrame runs before the render: on the second call the first frame with the station is drawn.
    frames.current += 1;
    if (frames.current === 2) onShown();
  });
  return null;
}
