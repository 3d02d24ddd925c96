import type { Object3D } from 'three';

/**
 * Interactable objects by scenario object id. The app's test probe reads it to find where an object
 * is on screen or in the room; nothing acts through it.
 */
const objects = new Map<string, Object3D>();

export const objectRegistry = {
  register(id: string, object: Object3D): () => void {
    objects.set(id, object);
    return () => {
      if (objects.get(id) === object) objects.delete(id);
    };
  },
  get(id: string): Object3D | undefined {
    return objects.get(id);
  },
  /** How many are registered, without making a list (read every frame until the station shows). */
  count(): number {
    return objects.size;
  },
  ids(): string[] {
    return [...objects.keys()];
  },
};
