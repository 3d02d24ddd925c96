import { parse } from 'bcp-47';

/** RFC 5646 §4.4.1: a tag of up to 35 characters must be kept whole; longer is refused, not cut. */
export const maxLanguageTagLength = 35;

/**
 * Why `tag` is not a well-formed BCP 47 (RFC 5646) language tag, or null when it is. The parsing is
 * the `bcp-47` package's; the message names the part that is wrong, e.g. `"nl-a1": "-a1" cannot
 * follow "nl"`. Both an upload's language and every xAPI statement's `context.language` pass here.
 */
export function languageTagProblem(tag: string): string | null {
  if (tag.length === 0) return 'must be a language tag such as "nl" or "prs", not empty';
  if (tag.length > maxLanguageTagLength) return `must be a language tag of at most ${maxLanguageTagLength} characters`;
  let problem: string | null = null;
  const parsed = parse(tag, {
    forgiving: false,
    normalize: false,
    warning(reason, _code, offset) {
      problem ??= offset > 0 && offset < tag.length ? `"${tag}" is not a BCP 47 language tag: "${tag.slice(offset)}" cannot follow "${tag.slice(0, offset)}" (${reason.toLowerCase()})` : `"${tag}" is not a BCP 47 language tag (${reason.toLowerCase()})`;
    },
  });
  if (problem) return problem;
  if (!parsed.language && parsed.privateuse.length === 0 && !parsed.irregular && !parsed.regular) return `"${tag}" is not a BCP 47 language tag`;
  return null;
}
