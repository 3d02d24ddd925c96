import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AlignmentError, readEscoExtract, readModuleAlignment } from '../../../src/server/passport/module-alignment';

const root = process.cwd();

describe('module-to-ESCO alignments beside each station', () => {
  test('every station with a scenario has a valid alignment whose concepts are all in the ESCO extract', () => {
    const extract = readEscoExtract(root);
    const stations: string[] = [];
    for (const sector of readdirSync(join(root, 'scenes'), { withFileTypes: true }).filter((s) => s.isDirectory() && !s.name.startsWith('_')).map((s) => s.name)) {
      for (const station of readdirSync(join(root, 'scenes', sector))) {
        if (existsSync(join(root, 'scenes', sector, station, 'scenario.json'))) stations.push(`${sector}/${station}`);
      }
    }
    expect(stations.length).toBeGreaterThanOrEqual(6);
    for (const s of stations) {
      const alignment = readModuleAlignment(root, join(root, 'scenes', s), extract);
      expect(alignment, s).not.toBeNull();
      expect(alignment!.skills.length, s).toBeGreaterThan(0);
    }
    // Each concept the extract ships names its English label; every URI is ESCO's.
    expect(new Set(extract.concepts.map((c) => c.uri)).size).toBe(extract.concepts.length);
  });

  test('a wrong alignment fails with the file and the JSON path of the error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-align-'));
    try {
      mkdirSync(join(dir, 'scenes', '_esco'), { recursive: true });
      cpSync(join(root, 'scenes', '_esco', 'esco-extract.json'), join(dir, 'scenes', '_esco', 'esco-extract.json'));
      const station = join(dir, 'scenes', 'wood', 'x');
      mkdirSync(station, { recursive: true });
      const extract = readEscoExtract(dir);
      writeFileSync(join(station, 'alignment.json'), JSON.stringify({ occupations: [], skills: ['http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000'], qualifications: [] }));
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/scenes\/wood\/x\/alignment.json \/skills\/0: .* is not a skill in scenes\/_esco\/esco-extract.json/);
      writeFileSync(join(station, 'alignment.json'), JSON.stringify({ occupations: ['https://example.org/x'], skills: [], qualifications: [] }));
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(AlignmentError);
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/\/occupations\/0: an ESCO concept URI/);
      writeFileSync(join(station, 'alignment.json'), JSON.stringify({ occupations: [], skills: ['http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176'], qualifications: [], validForMonths: 0 }));
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/\/validForMonths/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
