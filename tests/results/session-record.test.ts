import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { languageTagProblem, parseScenario, scenarioHash } from '../../src/engine';
import { languages } from '../../src/i18n/languages';
import { sessionRecord } from '../../src/results/session-record';
import { sessionBodySchema } from '../../src/server/session-body';
import { createSessionStore } from '../../src/state/session-store';

const file = 'scenes/wood/intro-workbench/scenario.json';

function endedSession(language: string) {
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  let now = 1_700_000_000_000;
  const store = createSessionStore({ now: () => now, uuid: () => '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' });
  store.getState().start(parsed.scenario, scenarioHash(parsed.scenario), 'practice', language);
  for (const [action, object] of [['wear', 'safety-glasses'], ['press', 'start-button'], ['press', 'stop-button']] as const) {
    now += 1000;
    store.getState().act(action, object, 'desktop');
  }
  return sessionRecord(store.getState(), 'desktop');
}

describe('the language a headset sends', () => {
  test('a well-formed tag is sent as chosen, and the server schema accepts the record', () => {
    const record = endedSession('prs');
    expect(record.language).toBe('prs');
    expect(sessionBodySchema.safeParse(record).success).toBe(true);
  });

  test('every language the app offers is a well-formed BCP 47 tag and is sent as it is', () => {
    for (const { code } of languages) {
      expect(languageTagProblem(code), code).toBeNull();
      expect(endedSession(code).language).toBe(code);
    }
  });

  test('a malformed tag never leaves the headset: "und" (undetermined) is sent and the upload is accepted', () => {
    for (const bad of ['nl-a1', 'ar-abcdefgh-ab', '']) {
      const record = endedSession(bad);
      expect(record.language).toBe('und');
      expect(languageTagProblem(record.language)).toBeNull();
      expect(sessionBodySchema.safeParse(record).success).toBe(true);
    }
  });
});
