import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { openGuardedPage, type GuardedPage } from './browser';

/**
 * One guarded page for the tests of the surrounding `describe`: opened before them (before each, with
 * `each`), closed after them, and then no request may have left the local server. The object reads
 * through to the page that is open now.
 */
export function guardedPageForTests(viewport?: { width: number; height: number }, opts: { each?: boolean } = {}): GuardedPage {
  let open: GuardedPage | undefined;
  const current = (): GuardedPage => {
    if (!open) throw new Error('the guarded page is opened before the tests run');
    return open;
  };
  (opts.each ? beforeEach : beforeAll)(async () => {
    open = await openGuardedPage(inject('baseUrl'), viewport);
  });
  (opts.each ? afterEach : afterAll)(async () => {
    const closing = open;
    open = undefined;
    await closing?.close();
    expect(closing?.foreignRequests ?? []).toEqual([]);
  });
  return {
    get browser() {
      return current().browser;
    },
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get foreignRequests() {
      return current().foreignRequests;
    },
    get consoleErrors() {
      return current().consoleErrors;
    },
    close: () => current().close(),
  };
}
