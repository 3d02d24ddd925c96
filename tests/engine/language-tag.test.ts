import { describe, expect, test } from 'vitest';
import { languageTagProblem } from '../../src/engine';
import { languages } from '../../src/i18n/languages';

describe('languageTagProblem (BCP 47 / RFC 5646)', () => {
  test.each(['nl', 'prs', 'ti', 'uk', 'ar', 'nl-BE', 'fa-AF', 'sr-Latn-RS', 'de-CH-1901', 'zh-yue', 'i-klingon', 'en-US-x-twain', 'x-werkvlr', 'und', 'EN-us'])('%s is well-formed', (tag) => {
    expect(languageTagProblem(tag)).toBeNull();
  });

  test('the tags an independent check found accepted are refused, naming the part that is wrong', () => {
    expect(languageTagProblem('nl-a1')).toBe('"nl-a1" is not a BCP 47 language tag: "-a1" cannot follow "nl" (found superfluous content after tag)');
    expect(languageTagProblem('ar-abcdefgh-ab')).toBe('"ar-abcdefgh-ab" is not a BCP 47 language tag: "-ab" cannot follow "ar-abcdefgh" (found superfluous content after tag)');
  });

  test.each(['', 'a', 'nl-', 'nl--BE', 'nl_BE', 'nl-BE-BE', 'nl-abcdefghi', 'toolonglanguage', 'x-werkvloer', `nl${'-abcdefgh'.repeat(4)}`])('"%s" is refused', (tag) => {
    expect(languageTagProblem(tag)).toMatch(/language tag/);
  });

  test('every language the trainee app offers is a well-formed tag', () => {
    for (const l of languages) expect(languageTagProblem(l.code), l.code).toBeNull();
  });
});
