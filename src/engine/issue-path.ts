import type { z } from 'zod';

/** A JSON path as authors read it: `$.steps[2].object`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$-]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

interface Flat {
  path: PropertyKey[];
  message: string;
}

/**
 * Zod's issues made precise: one message per wrong key, and for a union (a condition) only the
 * branch the author evidently meant — the one with the fewest problems — instead of all of them.
 */
export function flattenZodIssues(issues: readonly z.core.$ZodIssue[], data: unknown, prefix: PropertyKey[] = []): Flat[] {
  const out: Flat[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const where = locate(data, path);
    // Zod reports a missing key as a wrong value ("expected one of …"); say what the author did wrong.
    if (issue.code !== 'unrecognized_keys' && where.parentIsObject && !where.present) {
      const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.code === 'invalid_type' ? issue.expected : undefined;
      out.push({ path, message: `missing required key "${String(path.at(-1))}"${expected ? ` (expected ${expected})` : ''}` });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const k of issue.keys) out.push({ path: [...path, k], message: `unknown key "${k}"` });
        break;
      case 'invalid_union': {
        const branches = issue.errors.map((errs) => flattenZodIssues(errs, data, path));
        const meant = branches.filter((b) => !b.some((f) => f.message.startsWith('unknown key') && f.path.length === path.length + 1));
        const pool = meant.length > 0 ? meant : branches;
        const best = pool.reduce<Flat[] | null>((a, b) => (a === null || b.length < a.length ? b : a), null);
        if (best && best.length > 0 && meant.length > 0) out.push(...best);
        else {
          const keys = issue.errors.flatMap((errs) => errs.flatMap((e) => (e.code === 'unrecognized_keys' && e.path.length === 0 ? e.keys : [])));
          const seen = keys.length > 0 ? ` (found ${[...new Set(keys)].map((k) => `"${k}"`).join(', ')})` : '';
          out.push({ path, message: `not a valid condition${seen}: use exactly one of done, wearing, inside, machine+in, not, all, any` });
        }
        break;
      }
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** Whether the value at `path` exists in the raw data, and whether its parent is a JSON object. */
function locate(data: unknown, path: readonly PropertyKey[]): { present: boolean; parentIsObject: boolean } {
  let node = data;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') return { present: false, parentIsObject: false };
    const last = i === path.length - 1;
    const parentIsObject = !Array.isArray(node);
    const has = Object.prototype.hasOwnProperty.call(node, path[i] as string);
    if (last) return { present: has, parentIsObject };
    node = (node as Record<PropertyKey, unknown>)[path[i] as string];
  }
  return { present: true, parentIsObject: false };
}
