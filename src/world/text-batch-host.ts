import { createContext, useContext } from 'react';
import type { Object3D } from 'three';

/**
 * Where a station's texts are drawn together (text-batch.ts): a group of the station that the first
 * text to arrive puts its batch into. Plain React and no troika, so the station's first frame carries
 * only this; the batch itself comes with the text code, after the first frame.
 */
export const TextBatchHost = createContext<Object3D | null>(null);

export const useTextBatchHost = () => useContext(TextBatchHost);
