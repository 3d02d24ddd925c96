import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every station folder in scenes/ (sector/station) that has a 3D composition. */
export function stationFolders(root = process.cwd()): string[] {
  const scenes = join(root, 'scenes');
  const folders: string[] = [];
  for (const sector of readdirSync(scenes)) {
    if (!statSync(join(scenes, sector)).isDirectory()) continue;
    for (const station of readdirSync(join(scenes, sector))) {
      if (existsSync(join(scenes, sector, station, 'station.tsx'))) folders.push(`${sector}/${station}`);
    }
  }
  return folders.sort();
}
