import { describe, expect, test } from 'vitest';
import { passwordProblem } from '../../../src/server/auth/password-policy';

const context = { email: 'anna.peeters@atelier-noord.be', organisationName: 'Atelier Noord' };
const codeOf = async (password: string) => (await passwordProblem(password, context))?.code ?? null;

describe('the trainer password policy', () => {
  test('refuses what the security test got through', async () => {
    expect(await codeOf('aaaaaaaaaa')).toBe('too-weak');
    expect(await codeOf('password12')).toBe('too-weak');
    expect(await codeOf('anna.peeters@atelier-noord.be')).toBe('contains-email');
  });

  test('knows Dutch and French words and common passwords', async () => {
    expect(await codeOf('wachtwoord123')).toBe('too-weak');
    expect(await codeOf('motdepasse2024')).toBe('too-weak');
    expect(await codeOf('azertyuiop1')).toBe('too-weak');
  });

  test('refuses the e-mail (or its name part) and the organisation name, however spelled', async () => {
    expect(await codeOf('Anna.Peeters!2026')).toBe('contains-email');
    expect(await codeOf('xx atelier-NOORD 99 kettle')).toBe('contains-organisation');
  });

  test('refuses too short and too long', async () => {
    expect(await codeOf('Zq8#vR2!')).toBe('too-short');
    expect(await codeOf('x'.repeat(201))).toBe('too-long');
  });

  test('accepts a few unrelated words', async () => {
    expect(await codeOf('blue kettle 7 orchard')).toBeNull();
    expect(await codeOf('boterham met kaas en thee')).toBeNull();
  });
});
