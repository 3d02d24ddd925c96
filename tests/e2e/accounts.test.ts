import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { totpCode } from '../../src/server/auth/second-factor';
import { guardedPageForTests } from './support/guarded-page-for-tests';

const base = () => inject('baseUrl');
const email = `account-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
const firstPassword = `e2e ${crypto.randomUUID()}`;
const newPassword = `zilveren lantaarn ${crypto.randomUUID().slice(0, 6)} weide`;

async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `${name}: axe`).toEqual([]);
}

function createOrganisation(password: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: inject('dataDir'), WERKVLOER_ADMIN_PASSWORD: password, LANG: 'nl_BE.UTF-8' };
  delete env.DATABASE_URL;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-organisation', '--name', 'Account centrum', '--country', 'BE', '--email', email], { env, encoding: 'utf8' });
}

describe('a trainer\'s account in Chromium: password change and TOTP login', () => {
  const g = guardedPageForTests({ width: 1000, height: 800 });

  test('`npm run admin` refuses a weak password in the terminal\'s language', () => {
    const weak = createOrganisation('password12');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password: Dit wachtwoord is te makkelijk te raden');
    const made = createOrganisation(firstPassword);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
  });

  test('change the password, set up TOTP with QR and recovery codes, log in with a code; accessible in all 8 languages', async () => {
    const { page } = g;
    await page.goto(`${base()}/dashboard`);
    await page.getByRole('heading', { name: 'Aanmelden als trainer' }).waitFor();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(firstPassword);
    await page.locator('[data-action="login"]').click();
    await page.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Mijn account', level: 1 }).waitFor();
    await expectAccessible(page, 'account page');

    // A weak new password is refused with the reason, in Dutch.
    await page.getByLabel('Huidig wachtwoord').fill(firstPassword);
    await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord123');
    await page.locator('[data-action="change-password"]').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('te makkelijk te raden');
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await page.locator('[data-action="change-password"]').click();
    await expect.poll(() => page.locator('form[aria-labelledby="password-title"] [role]').textContent()).toBe('Wachtwoord gewijzigd. Andere aanmeldingen beëindigd: 0.');

    // TOTP: the QR and the key, then the first code confirms and the recovery codes are shown once.
    await page.locator('[data-action="set-up-second-factor"]').click();
    const qr = page.getByRole('img', { name: 'QR-code om de tweede factor in je authenticator-app te zetten' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'TOTP set-up');
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, new Date()));
    await page.locator('[data-action="confirm-second-factor"]').click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await expect.poll(() => page.getByText('De tweede factor staat aan').count()).toBe(1);

    // Every dashboard language: the account page is translated and axe-clean.
    for (const [lng, heading] of [['en', 'My account'], ['fr', 'Mon compte'], ['ar', 'حسابي'], ['prs', 'حساب من'], ['ti', 'ሕሳበይ'], ['tr', 'Hesabım'], ['uk', 'Мій обліковий запис'], ['nl', 'Mijn account']] as const) {
      await page.getByTestId('language').selectOption(lng);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expectAccessible(page, `account page (${lng})`);
    }

    // Log out and in: the old password no longer works; the new one asks for a code.
    await page.locator('[data-action="logout"]').click();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(newPassword);
    await page.locator('[data-action="login"]').click();
    await page.getByRole('heading', { name: 'Code van je authenticator-app' }).waitFor();
    await expectAccessible(page, 'second-factor step');
    await page.getByLabel('Code of herstelcode').fill('000000');
    await page.locator('[data-action="second-factor"]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Deze code klopt niet');
    // The code of the next 30-second step (the app's next code; the set-up used this step's).
    await page.getByLabel('Code of herstelcode').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.locator('[data-action="second-factor"]').click();
    await page.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();
  });
});
