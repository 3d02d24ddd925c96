import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stationLook } from '../../src/app/station-look';
import { stationFolders } from '../e2e/support/stations';

const folders = stationFolders();
const sectorOf = (folder: string) => (JSON.parse(readFileSync(`scenes/${folder}/scenario.json`, 'utf8')) as { sector: string }).sector;
const file = (url: string) => `assets/${url.replace(/^\/+/, '')}`;

describe('station tiles: a picture of the machine in the sector colour', () => {
  test('every station has its own picture, drawn locally (an SVG with a title, no outside reference)', () => {
    expect(folders.length).toBeGreaterThanOrEqual(5);
    for (const folder of folders) {
      const { picture } = stationLook(folder, sectorOf(folder));
      expect(existsSync(file(picture)), `${folder}: ${picture}`).toBe(true);
      const svg = readFileSync(file(picture), 'utf8');
      expect(svg, folder).toMatch(/^<svg [^>]*viewBox="[^"]+"[^>]*><title>[^<]+<\/title>/);
      expect(svg, `${folder}: nothing fetched from elsewhere`).not.toMatch(/href=|url\(|@import/);
    }
  });

  test('two stations share a picture only when they are country variants of one station', () => {
    const byPicture = new Map<string, string[]>();
    for (const folder of folders) {
      const { picture } = stationLook(folder, sectorOf(folder));
      byPicture.set(picture, [...(byPicture.get(picture) ?? []), folder]);
    }
    for (const [picture, shared] of byPicture) {
      const bases = new Set(shared.map((f) => f.replace(/-(be|nl)$/, '')));
      expect(bases.size, `${picture}: ${shared.join(', ')}`).toBe(1);
    }
  });

  test('each sector has a colour of its own', () => {
    const sectors = [...new Set(folders.map(sectorOf))];
    const colours = sectors.map((s) => stationLook(`${s}/x`, s).colour);
    expect(new Set(colours).size).toBe(sectors.length);
    expect(stationLook('unknown/x', 'unknown').colour).not.toBe(stationLook('wood/x', 'wood').colour);
  });
});
