import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the e2e run leaves pictures for a reviewer (git-ignored; CI keeps the folder). */
export const screenshotFolder = join(process.cwd(), 'test-results', 'e2e', 'screenshots');

/** Writes the page as `<name>.png` to the screenshot folder and returns the file path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotFolder, { recursive: true });
  const path = join(screenshotFolder, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
