/**
 * The deepest nesting any route needs is a session upload's (body → events → event: 3); 32 leaves
 * room for every body the API takes while refusing the `[`×900,000 body of issue 18 after its 33rd
 * character, before `JSON.parse` (whose recursion on it blocked the event loop for seconds).
 */
export const maxJsonNesting = 32;

const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Where JSON text first nests deeper than `max` (the index of the bracket that does), or -1 when
 * it never does. One pass, nothing allocated: strings are skipped with `indexOf` (the bulk of an
 * upload), and the scan stops at the offending bracket, so a hostile body costs at most `max + 1`
 * brackets plus whatever text came before them. Not a validator: brackets in broken JSON are
 * counted as they come, and `JSON.parse` judges the rest.
 */
export function nestingBeyond(text: string, max: number = maxJsonNesting): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // The string ends at the next quote not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return -1;
        let b = i - 1;
        while (text.charCodeAt(b) === BACKSLASH) b--;
        if ((i - 1 - b) % 2 === 0) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return -1;
}
