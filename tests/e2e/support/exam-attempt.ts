import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { joinAsNewTrainee, unlockExam, type CardTrainee, type Country } from './trainees';

/**
 * A real exam attempt up to the start button: a new trainee signs in with their card, the trainer
 * unlocks their exam (the server refuses exams that were not unlocked), the start screen is opened
 * again so it asks for the trainee's assignments, and the trainee picks the station and exam mode.
 * The caller presses "play on the computer" or "enter VR". `query` keeps e.g. `?emulate=quest3`.
 */

export async function chooseExam(page: Page, baseUrl: string, dataDir: string, station: string, query = '', country: Country = 'BE'): Promise<CardTrainee> {
  // The organisation's country decides which food station its trainees are offered.
  const trainee = await joinAsNewTrainee(page, baseUrl, dataDir, query, country);
  await unlockExam(baseUrl, dataDir, trainee);
  await page.goto(`${baseUrl}/${query}`);
  await page.locator(`[data-station="${station}"]`).click();
  await page.locator('[data-mode="exam"]').click();
  await expect.poll(() => page.locator('[data-mode="exam"]').getAttribute('aria-pressed'), { message: 'exam mode is chosen' }).toBe('true');
  return trainee;
}
