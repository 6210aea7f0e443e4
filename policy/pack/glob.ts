/**
 * Glob matching without regular expressions: `*` any run of characters, `?` one character, all else literal,
 * case-sensitive, anchored at both ends. A pattern is split at its stars into star-free segments; the first
 * must start the text, the last must end it, and each one between is taken at its leftmost place after the
 * previous one (leftmost is never worse: it leaves the most text to the segments after it). Each text
 * position is tried as the start of at most one segment, so the work is at most (text length) x (longest
 * segment): linear in the text for a given pattern, with no backtracking however many stars it has (a
 * regular expression from `*a*a*...` backtracks polynomially, with the number of stars as the exponent).
 */

/** Counts character comparisons, for tests that bound the work. */
export interface StepCounter {
  steps: number;
}

/** Whether `segment` (`?` matching any one character) matches `text` at `from`. */
function segmentAt(segment: string, text: string, from: number, counter?: StepCounter): boolean {
  for (let i = 0; i < segment.length; i++) {
    if (counter) counter.steps++;
    const c = segment[i];
    if (c !== "?" && c !== text[from + i]) return false;
  }
  return true;
}

/** A matcher for one glob; the pattern is split once. */
export function compileGlob(pattern: string): (text: string, counter?: StepCounter) => boolean {
  const segments = pattern.split("*");
  const first = segments[0];
  if (segments.length === 1)
    return (text, counter) => text.length === first.length && segmentAt(first, text, 0, counter);
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1).filter((s) => s !== "");
  return (text, counter) => {
    const end = text.length - last.length;
    if (end < first.length || !segmentAt(first, text, 0, counter) || !segmentAt(last, text, end, counter))
      return false;
    let from = first.length;
    for (const segment of middle) {
      while (from + segment.length <= end && !segmentAt(segment, text, from, counter)) from++;
      if (from + segment.length > end) return false;
      from += segment.length;
    }
    return true;
  };
}
