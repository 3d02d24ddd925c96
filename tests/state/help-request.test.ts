import { beforeEach, describe, expect, test } from 'vitest';
import { askForHelp, heardFromServer, helpGiven, helpRequest, helpShown, initialHelp } from '../../src/state/help-request';

const shown = () => helpShown(helpRequest.getState());

describe('the call for help on the headset', () => {
  beforeEach(() => helpRequest.setState({ ...initialHelp, live: true }));

  test('asked, acknowledged by the trainer, help coming until the next step is done', () => {
    expect(shown()).toBe('ask');
    askForHelp();
    askForHelp(); // pressed twice while waiting: still one call
    expect([helpRequest.getState().asked, shown()]).toEqual([1, 'asked']);
    heardFromServer({ helpAcknowledged: 0 });
    expect(shown()).toBe('asked');
    heardFromServer(null);
    expect(shown()).toBe('unreachable');
    heardFromServer({ helpAcknowledged: 1 });
    expect(shown()).toBe('coming');
    helpGiven();
    expect(shown()).toBe('ask');
    askForHelp();
    expect([helpRequest.getState().asked, shown()]).toEqual([2, 'asked']);
  });

  test('no call where no trainer can get it (anonymous practice); an answer beyond what was asked counts for no more', () => {
    helpRequest.setState({ ...initialHelp, live: false });
    askForHelp();
    expect(helpRequest.getState().asked).toBe(0);
    helpRequest.setState({ ...initialHelp, live: true });
    askForHelp();
    heardFromServer({ helpAcknowledged: 5 });
    expect(helpRequest.getState().answered).toBe(1);
  });
});
