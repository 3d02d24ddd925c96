import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from 'playwright-core';

/**
 * Where a download lies once saved: the run's one Chromium is shared over its WebSocket, and a
 * browser connected to remotely gives no `download.path()`; `saveAs` copies the file here instead.
 */
export async function downloadedFile(download: Download): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'werkvloer-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
