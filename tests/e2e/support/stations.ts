import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every station folder in scenes/ (sector/station), found by its scenario.json (layout.json, station.tsx or both draw it). */
export function stationFolders(root = process.cwd()): string[] {
  const scenes = join(root, 'scenes');
  const folders: string[] = [];
  for (const sector of readdirSync(scenes)) {
    if (!statSync(join(scenes, sector)).isDirectory()) continue;
    for (const station of readdirSync(join(scenes, sector))) {
      const dir = join(scenes, sector, station);
      if (existsSync(join(dir, 'scenario.json')) && (existsSync(join(dir, 'layout.json')) || existsSync(join(dir, 'station.tsx')))) folders.push(`${sector}/${station}`);
    }
  }
  return folders.sort();
}
