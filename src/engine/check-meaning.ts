import type { Condition, Scenario } from './schema';

export interface MeaningIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * What a schema cannot see: references that point nowhere, duplicate ids, prerequisite cycles,
 * steps that can never be done, and fields that do not fit the step's action.
 */
export function checkMeaning(sc: Scenario): MeaningIssue[] {
  const issues: MeaningIssue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path, message });

  const objects = new Map(sc.objects.map((o) => [o.id, o] as const));
  const steps = new Map(sc.steps.map((s, i) => [s.id, i] as const));
  const machines = new Map(sc.machines.map((m) => [m.id, m] as const));

  const dup = (list: readonly { id: string }[], where: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add([where, i, 'id'], `duplicate ${what} id "${x.id}"`);
      seen.add(x.id);
    });
  };
  dup(sc.objects, 'objects', 'object');
  dup(sc.steps, 'steps', 'step');
  dup(sc.machines, 'machines', 'machine');
  // Rules and sequences share one namespace: feedback and results name them by id alone.
  const ruleIds = new Set<string>();
  for (const [where, list] of [['rules', sc.rules], ['sequences', sc.sequences]] as const) {
    list.forEach((r, i) => {
      if (ruleIds.has(r.id)) add([where, i, 'id'], `duplicate rule id "${r.id}"`);
      ruleIds.add(r.id);
    });
  }

  const obj = (id: string, path: PropertyKey[]) => {
    if (!objects.has(id)) add(path, `unknown object "${id}"`);
  };
  const stepRef = (id: string, path: PropertyKey[]) => {
    if (!steps.has(id)) add(path, `unknown step "${id}"`);
  };
  const machineStates = (machine: string, states: readonly string[], path: PropertyKey[]) => {
    const m = machines.get(machine);
    if (!m) return add([...path, 'machine'], `unknown machine "${machine}"`);
    states.forEach((st, i) => {
      if (!m.states.includes(st)) add([...path, 'in', i], `unknown state "${st}" of machine "${machine}" (states: ${m.states.join(', ')})`);
    });
  };
  const cond = (c: Condition | undefined, path: PropertyKey[]) => {
    if (!c) return;
    if ('done' in c) stepRef(c.done, [...path, 'done']);
    else if ('wearing' in c) obj(c.wearing, [...path, 'wearing']);
    else if ('inside' in c) obj(c.inside, [...path, 'inside']);
    else if ('machine' in c) machineStates(c.machine, c.in, path);
    else if ('not' in c) cond(c.not, [...path, 'not']);
    else if ('all' in c) c.all.forEach((x, i) => cond(x, [...path, 'all', i]));
    else c.any.forEach((x, i) => cond(x, [...path, 'any', i]));
  };

  sc.machines.forEach((m, mi) => {
    const seen = new Set<string>();
    m.states.forEach((st, si) => {
      if (seen.has(st)) add(['machines', mi, 'states', si], `duplicate state "${st}"`);
      seen.add(st);
    });
    if (!m.states.includes(m.initial)) add(['machines', mi, 'initial'], `unknown state "${m.initial}" of machine "${m.id}" (states: ${m.states.join(', ')})`);
    m.transitions.forEach((tr, ti) => {
      const p = ['machines', mi, 'transitions', ti];
      const froms = tr.from === undefined ? [] : Array.isArray(tr.from) ? tr.from : [tr.from];
      froms.forEach((f, fi) => {
        if (!m.states.includes(f)) add(Array.isArray(tr.from) ? [...p, 'from', fi] : [...p, 'from'], `unknown state "${f}" of machine "${m.id}" (states: ${m.states.join(', ')})`);
      });
      if (!m.states.includes(tr.to)) add([...p, 'to'], `unknown state "${tr.to}" of machine "${m.id}" (states: ${m.states.join(', ')})`);
      if ((tr.on === undefined) === (tr.after === undefined)) add(p, 'a transition needs exactly one of "on" (an event) or "after" (ms)');
      if (tr.after !== undefined && tr.from === undefined) add(p, 'a timed transition ("after") needs "from": the state whose time it counts');
      if (tr.on) obj(tr.on.object, [...p, 'on', 'object']);
      cond(tr.when, [...p, 'when']);
    });
  });

  sc.steps.forEach((s, i) => {
    const p = ['steps', i];
    obj(s.object, [...p, 'object']);
    s.after.forEach((a, ai) => stepRef(a, [...p, 'after', ai]));
    cond(s.requires, [...p, 'requires']);
    if (s.action === 'set' && !s.value) add([...p, 'value'], 'a "set" step needs "value": { target, tolerance }');
    if (s.action !== 'set' && s.value) add([...p, 'value'], `"value" only applies to "set" steps, not "${s.action}"`);
    if ((s.action === 'classify' || s.action === 'answer') && s.expect === undefined) add([...p, 'expect'], `a "${s.action}" step needs "expect": the right value`);
    if (s.action !== 'classify' && s.action !== 'answer' && s.expect !== undefined) add([...p, 'expect'], `"expect" only applies to classify and answer steps, not "${s.action}"`);
    if ((s.action === 'hold' || s.action === 'stay') && s.minDurationMs === undefined) add([...p, 'minDurationMs'], `a "${s.action}" step needs "minDurationMs"`);
    if (s.action !== 'hold' && s.action !== 'stay' && s.minDurationMs !== undefined) add([...p, 'minDurationMs'], `"minDurationMs" only applies to hold and stay steps, not "${s.action}"`);
    if (s.wait) {
      stepRef(s.wait.since, [...p, 'wait', 'since']);
      if (steps.has(s.wait.since) && !ancestors(sc, i, steps).has(steps.get(s.wait.since)!)) {
        add([...p, 'wait', 'since'], `"${s.wait.since}" must be a prerequisite (directly or indirectly) of "${s.id}", or the wait may never start`);
      }
    }
  });

  sc.rules.forEach((r, i) => {
    obj(r.on.object, ['rules', i, 'on', 'object']);
    cond(r.when, ['rules', i, 'when']);
  });
  sc.sequences.forEach((q, i) => {
    for (const part of ['first', 'then', 'resetBy'] as const) q[part].forEach((m, mi) => obj(m.object, ['sequences', i, part, mi, 'object']));
  });

  // A critical rule in practice stops the machine and lets the trainee go on from its safe state.
  const practice = sc.modes.includes('practice');
  for (const [where, list] of [['rules', sc.rules], ['sequences', sc.sequences]] as const) {
    list.forEach((r, i) => {
      const p = [where, i, 'safeState'];
      if (r.severity !== 'critical') {
        if (r.safeState) add(p, `"safeState" only applies to critical rules, not "${r.severity}"`);
        return;
      }
      if (!r.safeState) {
        if (practice) add([where, i], `critical rule "${r.id}" needs "safeState": { resumeAt, machines } — where a practice attempt goes on from after it fired`);
        return;
      }
      stepRef(r.safeState.resumeAt, [...p, 'resumeAt']);
      for (const [machine, state] of Object.entries(r.safeState.machines)) {
        const m = machines.get(machine);
        if (!m) add([...p, 'machines', machine], `unknown machine "${machine}"`);
        else if (!m.states.includes(state)) add([...p, 'machines', machine], `unknown state "${state}" of machine "${machine}" (states: ${m.states.join(', ')})`);
      }
    });
  }

  issues.push(...checkOrder(sc, steps, machines));
  return issues;
}

/** All steps that must be done before step i (transitively). Cycle-safe. */
function ancestors(sc: Scenario, i: number, steps: ReadonlyMap<string, number>): Set<number> {
  const seen = new Set<number>();
  const stack = [i];
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const a of sc.steps[k]!.after) {
      const j = steps.get(a);
      if (j !== undefined && !seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return seen;
}

/** Prerequisite cycles, and steps that can never become available or never be done. */
function checkOrder(sc: Scenario, steps: ReadonlyMap<string, number>, machines: ReadonlyMap<string, Scenario['machines'][number]>): MeaningIssue[] {
  const issues: MeaningIssue[] = [];
  const state = new Array<0 | 1 | 2>(sc.steps.length).fill(0);
  const inCycle = new Set<number>();
  const visit = (i: number, trail: number[]) => {
    state[i] = 1;
    sc.steps[i]!.after.forEach((a, ai) => {
      const j = steps.get(a);
      if (j === undefined) return;
      if (state[j] === 1) {
        const cycle = [...trail.slice(trail.indexOf(j)), i];
        cycle.forEach((k) => inCycle.add(k));
        const names = [...cycle, j].map((k) => sc.steps[k]!.id).reverse();
        issues.push({ path: ['steps', i, 'after', ai], message: `prerequisite cycle: ${names.join(' → ')}` });
      } else if (state[j] === 0) visit(j, [...trail, i]);
    });
    state[i] = 2;
  };
  sc.steps.forEach((_, i) => {
    if (state[i] === 0) visit(i, []);
  });
  sc.steps.forEach((s, i) => {
    if (inCycle.has(i)) return;
    const blockedBy = [...ancestors(sc, i, steps)].find((a) => inCycle.has(a));
    if (blockedBy !== undefined) issues.push({ path: ['steps', i], message: `unreachable step "${s.id}": it depends on "${sc.steps[blockedBy]!.id}", which is in a prerequisite cycle` });
  });

  // A step that requires a machine state no transition ever reaches can never be done.
  const reachable = new Map<string, Set<string>>();
  for (const m of machines.values()) {
    const seen = new Set([m.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const tr of m.transitions) {
        const froms = tr.from === undefined ? [...seen] : Array.isArray(tr.from) ? tr.from : [tr.from];
        if (froms.some((f) => seen.has(f)) && !seen.has(tr.to)) {
          seen.add(tr.to);
          grew = true;
        }
      }
    }
    reachable.set(m.id, seen);
  }
  sc.steps.forEach((s, i) => {
    const req = s.requires;
    if (!req || !('machine' in req)) return;
    const r = reachable.get(req.machine);
    if (r && req.in.every((st) => machines.get(req.machine)!.states.includes(st)) && !req.in.some((st) => r.has(st))) {
      issues.push({ path: ['steps', i, 'requires'], message: `unreachable step "${s.id}": machine "${req.machine}" never reaches ${req.in.map((x) => `"${x}"`).join(' or ')} from "${machines.get(req.machine)!.initial}"` });
    }
  });
  return issues;
}
