import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, type GuardedPage } from './support/browser';

const foreign = 'https://cdn.jsdelivr.net/npm/@webxr-input-profiles/assets@1.0/dist/profiles/profilesList.json';

describe('no request leaves the local server', () => {
  let g: GuardedPage;
  beforeEach(async () => {
    g = await openGuardedPage(inject('baseUrl'));
  });
  afterEach(async () => {
    await g.close();
  });

  test('the test guard notices and refuses a request to another host', async () => {
    // From a blank page (no CSP of ours), so only the guard itself stands in the way.
    await g.page.goto('about:blank');
    const outcome = await g.page.evaluate(async (url) => {
      try {
        await fetch(url, { mode: 'no-cors' });
        return 'reached';
      } catch {
        return 'refused';
      }
    }, foreign);
    expect(outcome).toBe('refused');
    expect(g.foreignRequests).toEqual([foreign]);
  });

  test('the app itself forbids other hosts through its content security policy', async () => {
    const response = await g.page.goto(inject('baseUrl'));
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src 'self'[^;]*;/);
    expect(csp).not.toMatch(/https?:\/\//);
    const outcome = await g.page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'reached';
      } catch {
        return 'refused';
      }
    }, foreign);
    expect(outcome).toBe('refused');
    expect(g.foreignRequests).toEqual([]);
  });
});
