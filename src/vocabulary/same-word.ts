/**
 * Whether a translation only repeats the Dutch word (a trainee playing in Dutch): then the word is
 * shown once, not "tourniquet · tourniquet". Case and surrounding spaces do not make it another word.
 */
export function sameWord(dutchTerm: string, translation: string): boolean {
  return dutchTerm.trim().toLocaleLowerCase('nl') === translation.trim().toLocaleLowerCase('nl');
}
