import type { Scenario } from './schema';
import type { MeaningIssue } from './check-meaning';

/** Follows an i18next key through nested objects (keySeparator "."), or a flat key as a fallback. */
function lookup(resource: Record<string, unknown>, key: string): unknown {
  if (key in resource) return resource[key];
  let node: unknown = resource;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every key the scenario names, with where it is named. */
export function translationKeys(sc: Scenario): { path: PropertyKey[]; key: string }[] {
  const keys: { path: PropertyKey[]; key: string }[] = [
    { path: ['title'], key: sc.title },
    { path: ['summary'], key: sc.summary },
  ];
  sc.objects.forEach((o, i) => keys.push({ path: ['objects', i, 'name'], key: o.name }));
  sc.steps.forEach((s, i) => {
    keys.push({ path: ['steps', i, 'instruction'], key: s.instruction });
    if (s.hint !== undefined) keys.push({ path: ['steps', i, 'hint'], key: s.hint });
  });
  sc.rules.forEach((r, i) => keys.push({ path: ['rules', i, 'message'], key: r.message }));
  sc.sequences.forEach((r, i) => keys.push({ path: ['sequences', i, 'message'], key: r.message }));
  return keys;
}

/** The source locale (nl) must hold every key, as a non-empty string: it is the fallback of every language. */
export function checkLocale(sc: Scenario, resource: Record<string, unknown>, localeFile: string): MeaningIssue[] {
  const issues: MeaningIssue[] = [];
  for (const { path, key } of translationKeys(sc)) {
    const v = lookup(resource, key);
    if (typeof v !== 'string' || v.trim() === '') {
      issues.push({ path, message: `translation key "${key}" ${v === undefined ? 'is missing from' : 'is not a non-empty string in'} ${localeFile}` });
    }
  }
  return issues;
}
