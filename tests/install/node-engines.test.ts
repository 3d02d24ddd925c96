import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, test } from 'vitest';

/**
 * Every machine of a training centre has Node 20 (README). A package whose `engines` leaves Node 20
 * out makes `npm install` print EBADENGINE warnings to a newcomer, and may use what Node 20 lacks:
 * such packages are pinned to the last version that supports it (package.json, `overrides`).
 */
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: unknown; optional?: boolean }> };
const supported = ['20.19.0', '20.20.2'];

describe('installed packages run on Node 20', () => {
  test('the lock file records engines (else this check would see nothing)', () => {
    const withEngines = Object.values(lock.packages).filter((p) => typeof p.engines === 'object' && p.engines !== null && 'node' in p.engines);
    expect(withEngines.length).toBeGreaterThan(100);
  });

  test('no package in the lock file declares a Node range without Node 20', () => {
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const range = (p.engines as { node?: unknown } | undefined)?.node;
      if (typeof range !== 'string') continue;
      for (const v of supported) if (!semver.satisfies(v, range, { includePrerelease: true })) refused.push(`${path}@${p.version}: node ${range} (not ${v})`);
    }
    expect(refused).toEqual([]);
  });

  test('package.json says the same', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
  });
});
