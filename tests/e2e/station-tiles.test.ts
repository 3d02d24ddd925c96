import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, inject, test } from 'vitest';
import { stationLook } from '../../src/app/station-look';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { saveScreenshot } from './support/screenshots';
import { stationFolders } from './support/stations';

/**
 * Pictures before words (issue 21): the start screen offers each station as a tile with a picture
 * of its machine in its sector's colour. Each tile is found by its image — the picture the browser
 * loaded, byte for byte the local file — and chosen by clicking the picture.
 */

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const sectorOf = (folder: string) => (JSON.parse(readFileSync(`scenes/${folder}/scenario.json`, 'utf8')) as { sector: string }).sector;

describe('station choice as picture tiles', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 });

  test('every station tile shows its machine, loaded from the local server, framed in its sector colour; a click on the picture chooses it', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    const tiles = page.locator('.station-tile');
    await expect.poll(() => tiles.count()).toBeGreaterThanOrEqual(5);
    const shown = await tiles.evaluateAll((els) => els.map((el) => el.getAttribute('data-station')!));
    for (const folder of shown) {
      expect(stationFolders()).toContain(folder);
      const look = stationLook(folder, sectorOf(folder));
      const tile = page.locator(`[data-station="${folder}"]`);
      const img = tile.locator('img');
      await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)).toBe(true);
      const src = (await img.evaluate((i) => (i as HTMLImageElement).currentSrc))!;
      expect(new URL(src).pathname).toBe(look.picture);
      // The image is the drawing in assets/stations, byte for byte.
      const served = await page.evaluate(async (u) => [...new Uint8Array(await (await fetch(u)).arrayBuffer())], src);
      expect(sha(Uint8Array.from(served)), folder).toBe(sha(readFileSync(`assets${look.picture}`)));
      // The picture comes first and is most of the tile; the caption is under it.
      const box = (await tile.boundingBox())!;
      const pic = (await img.boundingBox())!;
      const caption = (await tile.locator('strong').boundingBox())!;
      expect(pic.width * pic.height).toBeGreaterThan(0.4 * box.width * box.height);
      expect(caption.y).toBeGreaterThanOrEqual(pic.y + pic.height - 1);
      const border = await tile.evaluate((el) => getComputedStyle(el).borderTopColor);
      const hex = look.colour.replace('#', '');
      const rgb = `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
      expect(border, folder).toBe(rgb);
    }
    await saveScreenshot(page, 'station-tiles');

    // A trainee who cannot read the names points at the saw.
    await page.locator('.station-tile img[src$="/stations/wood-panel-saw.svg"]').click();
    expect(await page.locator('[data-station="wood/panel-saw"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-action="play-desktop"]').isEnabled()).toBe(true);
    expect(g.consoleErrors).toEqual([]);
  });
});
