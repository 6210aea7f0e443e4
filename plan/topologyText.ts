/**
 * Names and messages in the pictures are free text from strangers. One escaping discipline per picture format,
 * each a table of what a character becomes (never a RegExp built from the text), so a name stays a name:
 * - every format: control characters (C0, DEL, C1, line/paragraph separators) shown as their visible Unicode
 *   pictures (␛, ␊, ␀...) — an ESC, newline or NUL can neither break a line nor vanish unseen — and invisible ones
 *   (zero-width, bidirectional, BOM) as `\uXXXX`, so U+202E cannot reverse what follows it;
 * - DOT (→ SVG): `&` escaped, since Graphviz copies anything shaped like an entity (`&xxe;`, `&nbsp;`) raw into
 *   the SVG, which then fails to parse;
 * - Mermaid: no `%` (directives `%%{init}%%`), `#` (entity codes), backtick (Markdown strings), quote or markup
 *   survives in a label: each is written as its full-width look-alike;
 * - Markdown: the fence is longer than any backtick run of the text it holds.
 */
import { escapedCharacter, isUnsafeCharacter } from "./unsafeCharacters";

/**
 * The visible stand-in of an unsafe character (unsafeCharacters.ts), or undefined for any other: a control as its
 * picture, an invisible character (zero-width, bidirectional, BOM, soft hyphen) as `\uXXXX`, as the text report
 * writes it.
 */
function controlPicture(code: number): string | undefined {
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  // C1 controls and the two separators JavaScript and some renderers treat as line breaks.
  if ((code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) return "\ufffd";
  return isUnsafeCharacter(code) ? escapedCharacter(code) : undefined;
}

function mapChars(text: string, replace: (c: string) => string | undefined): string {
  let out = "";
  for (const c of text) out += replace(c) ?? c;
  return out;
}

/** Control characters shown as their pictures; everything else unchanged. */
export function visibleControls(text: string): string {
  return mapChars(text, (c) => controlPicture(c.codePointAt(0)!));
}

const xmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text in XML or HTML (content or quoted attribute): markup characters as entities, controls visible but for
 * the newline and tab, which are plain white space there (a finding's message keeps its lines in a `<pre>`).
 */
export function xmlText(text: string): string {
  return mapChars(
    text,
    (c) => xmlEntities[c] ?? (c === "\n" || c === "\t" ? c : controlPicture(c.codePointAt(0)!)),
  );
}

/** Text inside a DOT quoted string: controls visible, `&` as an entity (Graphviz keeps entities), `"` and `\` escaped. */
export function dotText(text: string): string {
  // A stand-in's backslash is escaped too: Graphviz would drop it.
  return mapChars(text, (c) => dotChars[c] ?? controlPicture(c.codePointAt(0)!)?.replace("\\", "\\\\"));
}

const dotChars: Record<string, string> = { "&": "&amp;", '"': '\\"', "\\": "\\\\" };

/** Characters Mermaid gives a meaning inside or around a quoted label, written as look-alikes. */
const mermaidChars: Record<string, string> = {
  "%": "\uff05",
  "#": "\uff03",
  "`": "\u02cb",
  '"': "\uff02",
  "<": "\u2039",
  ">": "\u203a",
  "&": "\uff06",
};

/** Text inside a quoted Mermaid label: no directive, entity code, Markdown string, markup or line break. */
export function mermaidText(text: string): string {
  return mapChars(text, (c) => mermaidChars[c] ?? controlPicture(c.codePointAt(0)!));
}

/** A Markdown fence for `text`: at least three backticks, and more than its longest run of them. */
export function markdownFence(text: string): string {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === "`" ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return "`".repeat(Math.max(3, longest + 1));
}

/**
 * Text order by code unit: the same in every environment (`localeCompare` follows the machine's locale, which
 * would make the committed pictures stale elsewhere) and cheap at ten thousand endpoints.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
