import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(__dirname, '..', '..');
const assignments = JSON.parse(readFileSync(join(root, 'assets/pictograms/assignments.json'), 'utf8')) as Record<string, Record<string, string> | string>;

interface Step {
  id: string;
  pictogram?: string;
}

function scenarioFiles(dir = join(root, 'scenes'), out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) scenarioFiles(p, out);
    else if (name === 'scenario.json') out.push(p);
  }
  return out;
}

describe('pictograms', () => {
  const files = scenarioFiles();
  test('every scenario in scenes/ is checked', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { id: string; steps: Step[] };
    test(`${scenario.id}: every step has a pictogram that exists`, () => {
      const assigned = assignments[scenario.id];
      const missing: string[] = [];
      for (const step of scenario.steps) {
        // The step's own field first; the assignments file covers stations not yet updated.
        const pic = step.pictogram ?? (typeof assigned === 'object' ? assigned[step.id] : undefined);
        if (!pic) missing.push(`${step.id}: no pictogram`);
        else if (!existsSync(join(root, 'assets', pic))) missing.push(`${step.id}: assets/${pic} does not exist`);
      }
      expect(missing).toEqual([]);
    });
  }

  test('assignments name only steps that exist', () => {
    const steps = new Map(files.map((f) => {
      const s = JSON.parse(readFileSync(f, 'utf8')) as { id: string; steps: Step[] };
      return [s.id, new Set(s.steps.map((x) => x.id))] as const;
    }));
    for (const [id, map] of Object.entries(assignments)) {
      if (id === '$comment' || typeof map !== 'object') continue;
      expect(steps.has(id), id).toBe(true);
      for (const step of Object.keys(map)) expect(steps.get(id)!.has(step), `${id}/${step}`).toBe(true);
    }
  });

  test('each SVG is a self-contained, offline picture with a size (needed to draw it into a texture)', () => {
    const svgs = readdirSync(join(root, 'assets/pictograms')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(30);
    for (const f of svgs) {
      const text = readFileSync(join(root, 'assets/pictograms', f), 'utf8');
      expect(text, f).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="256" height="256" viewBox="0 0 100 100">/);
      expect(text, f).toMatch(/<title>[^<]+<\/title>/);
      // No external references: a trainee's headset may have no internet, and <text> would need a font.
      expect(text, f).not.toMatch(/href=|url\(|<text|<image|<script/);
    }
  });
});
