import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { joinAsNewTrainee, unlockExam, type CardTrainee, type Country } from './trainees';

/**
 * A real exam attempt up to the start button: a new trainee signs in with their card, the trainer
 * unlocks their exam (the server refuses exams that were not unlocked), the start screen is opened
 * again so it asks for the trainee's assignments, and the trainee picks the station and exam mode;
 * the start screen says that an exam needs the server. The caller presses "play on the computer"
 * or "enter VR": that press asks the server for the exam attempt (POST /api/exam-attempts) the
 * result is then stored under, as a trainee's would. `query` keeps e.g. `?emulate=quest3`.
 */

export async function chooseExam(page: Page, baseUrl: string, dataDir: string, station: string, query = '', country: Country = 'BE'): Promise<CardTrainee> {
  // The organisation's country decides which food station its trainees are offered.
  const trainee = await joinAsNewTrainee(page, baseUrl, dataDir, query, country);
  await unlockExam(baseUrl, dataDir, trainee);
  await page.goto(`${baseUrl}/${query}`);
  await page.locator(`[data-station="${station}"]`).click();
  await page.locator('[data-mode="exam"]').click();
  await expect.poll(() => page.locator('[data-mode="exam"]').getAttribute('aria-pressed'), { message: 'exam mode is chosen' }).toBe('true');
  expect(await page.getByTestId('exam-online').isVisible(), 'the start screen says an exam needs the server').toBe(true);
  return trainee;
}

/**
 * The attempt the next press of a start button asks for: resolves with its id once the server
 * issued it. Call before the press; the upload of the exam then carries it (X-Exam-Attempt).
 */
export async function examAttemptIssued(page: Page): Promise<string> {
  const res = await page.waitForResponse((r) => r.url().endsWith('/api/exam-attempts') && r.request().method() === 'POST', { timeout: 60_000 });
  expect(res.status(), 'the server issued the exam attempt').toBe(201);
  return ((await res.json()) as { attemptId: string }).attemptId;
}

/** The stored attempt (read from the server's SQLite file): which session it was bound to, and its flags. */
export function examAttemptOf(dataDir: string, attemptId: string): { session_id: string | null; trainee_id: string; flags_json: string | null } | undefined {
  const db = new Database(join(dataDir, 'werkvloer.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select session_id, trainee_id, flags_json from exam_attempts where id = ?').get(attemptId) as { session_id: string | null; trainee_id: string; flags_json: string | null } | undefined;
  } finally {
    db.close();
  }
}
