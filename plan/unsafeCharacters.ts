/**
 * The characters no output of the plan passes on as they are: the ones a terminal or a renderer acts on rather
 * than shows (C0 and C1 controls, DEL: an ESC sequence could move the cursor, erase or fake lines; the line and
 * paragraph separators) and the invisible ones (soft hyphen, zero-width and bidirectional formatting characters,
 * the byte-order mark: U+202E reverses the rest of a line on a page). One table for every format: the text report
 * escapes them, the pictures and the page show them (topologyText.ts); the JSON stays data.
 */

/** Inclusive ranges of code points. */
const unsafeRanges: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0xfeff, 0xfeff],
];

export function isUnsafeCharacter(code: number): boolean {
  return unsafeRanges.some(([from, to]) => code >= from && code <= to);
}

/** A character written as `\uXXXX`. */
export function escapedCharacter(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
