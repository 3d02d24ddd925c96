import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ValueObject, Zone } from './food-station';

/** What a trainee can do at the food station (DesktopTrainee and ControllerTrainee both can). */
export interface FoodTrainee {
  press(id: string): Promise<void>;
  hold(id: string, ms: number): Promise<void>;
  set(id: ValueObject, value: number): Promise<void>;
  carry(id: string, zone: Zone): Promise<void>;
}

export type FoodMove = (t: FoodTrainee) => Promise<void>;

/** The hygiene sluice, as a careful worker does it (each hold a little longer than its minimum). */
export const foodSluice: readonly FoodMove[] = [
  (t) => t.press('jewellery'),
  (t) => t.press('hairnet'),
  (t) => t.press('beard-net'),
  (t) => t.press('soap-dispenser'),
  (t) => t.hold('sink', 21_000),
  (t) => t.press('tap'),
  (t) => t.press('paper-towel'),
  (t) => t.hold('disinfectant', 21_000),
  (t) => t.press('turnstile'),
];

/** The meat line after the sluice: readings on the HACCP list, OK/NOK, blocking, allergens, portion, foreign body. */
export const foodLine: readonly FoodMove[] = [
  (t) => t.set('temp-chicken', 3.2),
  (t) => t.press('ok-chicken'),
  (t) => t.set('temp-mince', 3.4),
  (t) => t.press('nok-mince'),
  (t) => t.carry('block-label', 'crate-mince'),
  (t) => t.press('allergen-list:missing-allergen'),
  (t) => t.set('portion', 255),
  (t) => t.press('tray:foreign-body'),
  (t) => t.carry('tray', 'reject-bin'),
  (t) => t.press('team-leader'),
  (t) => t.hold('cloth', 5_500),
];

/** Does each move and waits for the instruction to move on (after the last, the session has ended). */
export async function playFoodMoves(page: Page, trainee: FoodTrainee, moves: readonly FoodMove[], last: boolean): Promise<void> {
  const instruction = () => page.getByTestId('instruction').textContent();
  for (const [i, move] of moves.entries()) {
    const before = await instruction();
    await move(trainee);
    if (!(last && i === moves.length - 1)) await expect.poll(instruction, { timeout: 20_000 }).not.toBe(before);
  }
}
