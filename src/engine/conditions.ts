import type { Condition } from './schema';
import type { EngineState } from './types';

/** A condition compiled once per scenario into a closure: no tree walking or key lookups per event. */
export type CompiledCondition = (s: EngineState) => boolean;

const always: CompiledCondition = () => true;

export function compileCondition(c: Condition | undefined, stepIndex: ReadonlyMap<string, number>): CompiledCondition {
  if (c === undefined) return always;
  if ('done' in c) {
    const i = stepIndex.get(c.done) ?? -1;
    return (s) => s.steps[i]?.done === true;
  }
  if ('wearing' in c) {
    const o = c.wearing;
    return (s) => s.wearing.includes(o);
  }
  if ('inside' in c) {
    const o = c.inside;
    return (s) => s.inside.includes(o);
  }
  if ('machine' in c) {
    const m = c.machine;
    const states = c.in;
    return (s) => {
      const ms = s.machines[m];
      return ms !== undefined && states.includes(ms.state);
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not, stepIndex);
    return (s) => !inner(s);
  }
  if ('all' in c) {
    const parts = c.all.map((p) => compileCondition(p, stepIndex));
    return (s) => parts.every((p) => p(s));
  }
  const parts = c.any.map((p) => compileCondition(p, stepIndex));
  return (s) => parts.some((p) => p(s));
}
