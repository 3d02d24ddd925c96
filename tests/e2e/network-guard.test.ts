import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, type GuardedPage } from './support/browser';

describe('no request leaves the local server', () => {
  let g: GuardedPage;
  beforeEach(async () => {
    g = await openGuardedPage(inject('baseUrl'));
  });
  afterEach(async () => {
    await g.close();
  });

  test('the guard itself notices and refuses a request to another host', async () => {
    await g.page.goto(inject('baseUrl'));
    const outcome = await g.page.evaluate(async () => {
      try {
        await fetch('https://cdn.jsdelivr.net/npm/@webxr-input-profiles/assets@1.0/dist/profiles/profilesList.json');
        return 'reached';
      } catch {
        return 'refused';
      }
    });
    expect(outcome).toBe('refused');
    expect(g.foreignRequests).toEqual(['https://cdn.jsdelivr.net/npm/@webxr-input-profiles/assets@1.0/dist/profiles/profilesList.json']);
  });
});
