import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Matrix4, Ray, Vector3, type Group } from 'three';
import { lazyAfterFirstFrame } from './first-station-frame';
import { HitBox } from './hit-box';
import { objectRegistry } from './object-registry';
import { pointerGesture, type GestureEvent } from './pointer-gesture';
import { box } from './kit/look';
import { LookMesh } from './kit/look-mesh';
import { useAct } from './use-act';

// Text is ~40 KB gzip: the reading arrives after the station's first frame, never before it.
const ValueReading = lazyAfterFirstFrame(() => import('./value-reading'));

export interface ValueControlProps {
  /** The scenario object of a `set` step: a fence, a dial, a thermostat. */
  object: string;
  position: [number, number, number];
  rotation?: [number, number, number];
  min: number;
  max: number;
  /** Values snap to multiples of this (1 mm on a fence, 0.5 °C on a thermostat). */
  step: number;
  initial: number;
  /** Shown after the number: `mm`, `°C`, `cm`. */
  unit: string;
  /** Length of the scale (m). */
  length?: number;
  /** The id tests find it by, when another part of the same object holds the object's own (a screen that opens it). */
  probeId?: string;
}

const inverse = new Matrix4();
const localRay = new Ray();
const onScale = new Vector3();
const a = new Vector3();
const b = new Vector3();

/** The value under a pointer ray: the nearest point of the scale, snapped to the step. */
export function valueAt(fraction: number, min: number, max: number, step: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  const raw = min + clamped * (max - min);
  const snapped = Math.round((raw - min) / step) * step + min;
  // Round away float noise (0.1 steps) so the reading and the event agree.
  return Number(Math.min(max, Math.max(min, snapped)).toFixed(6));
}

/**
 * Setting a value on a scale with the reading always in view — numeracy is trained here. Drag the
 * yellow knob along the scale with any pointer (`carry`); letting go sends `set` with the value.
 */
// Track and knob join the station's live batch (colours as before: slate track, yellow knob).
const knobLook = [box([0.025, 0.04, 0.045], [0, 0, 0], '#f7c948')];
const tracks = new Map<number, ReturnType<typeof box>[]>();
const trackOf = (length: number) => tracks.get(length) ?? tracks.set(length, [box([length, 0.012, 0.03], [0, 0, 0], '#3e4c59')]).get(length)!;

export function ValueControl({ object, position, rotation, min, max, step, initial, unit, length = 0.3, probeId }: ValueControlProps) {
  const group = useRef<Group>(null);
  const knob = useRef<Group>(null);
  const current = useRef(initial);
  // React renders the reading only when the snapped value changes, not on every pointer move.
  const [shown, setShown] = useState(initial);
  const act = useAct();
  const xOf = (v: number) => ((v - min) / (max - min) - 0.5) * length;

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(probeId ?? object, group.current);
  }, [object, probeId]);

  const handlers = useMemo(() => {
    const update = (e: GestureEvent) => {
      const g = group.current;
      if (!g) return;
      inverse.copy(g.matrixWorld).invert();
      localRay.copy(e.ray).applyMatrix4(inverse);
      a.set(-length / 2, 0, 0);
      b.set(length / 2, 0, 0);
      localRay.distanceSqToSegment(a, b, undefined, onScale);
      const v = valueAt(onScale.x / length + 0.5, min, max, step);
      if (v === current.current) return;
      current.current = v;
      knob.current?.position.setX(((v - min) / (max - min) - 0.5) * length);
      setShown(v);
    };
    return pointerGesture(
      'carry',
      {
        start: (_input, e) => update(e),
        move: (_input, e) => update(e),
        end: (input) => act('set', object, input.device, current.current),
      },
      true,
    );
  }, [act, length, max, min, object, step]);

  return (
    <group ref={group} name={`value-control:${object}`} position={position} rotation={rotation} {...handlers}>
      <LookMesh look={trackOf(length)} />
      <group ref={knob} position={[xOf(initial), 0, 0]}>
        <LookMesh look={knobLook} />
      </group>
      <HitBox size={[length + 0.06, 0.08, 0.08]} />
      <Suspense fallback={null}>
        <ValueReading value={shown} unit={unit} min={min} max={max} length={length} />
      </Suspense>
    </group>
  );
}
