/**
 * Characters a terminal would not show as themselves: controls, zero-width and bidirectional formatting
 * characters (U+202E reverses the text after it). Messages show them escaped; names and ids refuse them.
 */
export const invisibleCharacters =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** The first invisible character of `text`, as U+XXXX; undefined when there is none. */
export function invisibleCharacterIn(text: string): string | undefined {
  const found = invisibleCharacters.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}
