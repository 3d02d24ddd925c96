import { describe, expect, test } from 'vitest';
import { sameWord } from '../../src/vocabulary/same-word';

describe('sameWord: a translation that only repeats the Dutch word', () => {
  test('the Dutch text of a word is the word itself, whatever its case or spaces', () => {
    expect(sameWord('startknop', 'startknop')).toBe(true);
    expect(sameWord('Breedte', 'breedte ')).toBe(true);
    expect(sameWord('IJzer', 'ijzer')).toBe(true);
  });

  test('a translation in another language, or another Dutch word, is shown beside it', () => {
    expect(sameWord('startknop', 'start button')).toBe(false);
    expect(sameWord('veiligheidsbril', 'نظارة الأمان')).toBe(false);
    expect(sameWord('duwhout', 'duwstok')).toBe(false);
  });
});
