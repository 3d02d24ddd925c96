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

  test('every ESCO concept a station uses has its English and French label, and each occupation its Dutch one', () => {
    const extract = readEscoExtract(root);
    const used = new Map<string, { kind: string; labels: { en: string; fr: string | null; nl: string | null } }>();
    for (const sector of readdirSync(join(root, 'scenes'), { withFileTypes: true }).filter((s) => s.isDirectory() && !s.name.startsWith('_')).map((s) => s.name)) {
      for (const station of readdirSync(join(root, 'scenes', sector))) {
        const alignment = readModuleAlignment(root, join(root, 'scenes', sector, station), extract);
        for (const c of [...(alignment?.occupations ?? []), ...(alignment?.skills ?? [])]) used.set(c.uri, c);
      }
    }
    expect(used.size).toBeGreaterThanOrEqual(15);
    const missing = [...used.entries()].filter(([, c]) => !c.labels.en || !c.labels.fr || (c.kind === 'occupation' && !c.labels.nl)).map(([uri]) => uri);
    expect(missing).toEqual([]);
    // The Dutch skill labels are the known gap (docs/passport.md): ESCO's Dutch skills file could not be read here, and labels are never typed from memory.
  });

  test('qualifications are named by their owner: the Flemish ones on the AKOV database or vlaanderen.be', () => {
    const extract = readEscoExtract(root);
    const qualifications = (station: string) => readModuleAlignment(root, join(root, 'scenes', station), extract)!.qualifications;
    expect(qualifications('food/hygiene-sluice-line-be').map((q) => q.name)).toEqual(['Operator voedings-, chemische en farmaceutische industrie (BK-0493-1, VKS/EQF niveau 4)']);
    expect(qualifications('food/packaging-line').map((q) => new URL(q.url).hostname)).toEqual(['app.akov.be']);
    const woodworker = qualifications('wood/panel-saw');
    expect(woodworker).toHaveLength(1);
    expect(woodworker[0]!.framework).toBe('Vlaamse kwalificatiestructuur');
    expect(new URL(woodworker[0]!.url).hostname).toBe('vlaanderen.be');
    expect(woodworker[0]!.url).toMatch(/validation-programme-for-professional-qualification-as-a-mechanical-woodworker$/);
  });

  test('a qualification on a copy by a third party, over http or in an unknown framework is refused by its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-align-'));
    try {
      mkdirSync(join(dir, 'scenes', '_esco'), { recursive: true });
      cpSync(join(root, 'scenes', '_esco', 'esco-extract.json'), join(dir, 'scenes', '_esco', 'esco-extract.json'));
      const station = join(dir, 'scenes', 'wood', 'x');
      mkdirSync(station, { recursive: true });
      const extract = readEscoExtract(dir);
      const write = (qualification: object) => writeFileSync(join(station, 'alignment.json'), JSON.stringify({ occupations: [], skills: ['http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176'], qualifications: [qualification] }));
      write({ name: 'Operator cnc-gestuurde houtbewerkingsmachines', url: 'https://etaamb.openjustice.be/nl/besluit.html', framework: 'Vlaamse kwalificatiestructuur' });
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/\/qualifications\/0\/url: not an address of the framework's owner/);
      write({ name: 'x', url: 'http://app.akov.be/pls/pakov/f?p=1', framework: 'Vlaamse kwalificatiestructuur' });
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/\/qualifications\/0\/url: an https address/);
      write({ name: 'x', url: 'https://app.akov.be/pls/pakov/f?p=1', framework: 'VKS' });
      expect(() => readModuleAlignment(dir, station, extract)).toThrow(/\/qualifications\/0\/framework/);
      write({ name: 'x', url: 'https://app.akov.be/pls/pakov/f?p=1', framework: 'Vlaamse kwalificatiestructuur' });
      expect(readModuleAlignment(dir, station, extract)!.qualifications).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
