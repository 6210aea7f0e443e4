/** The paragraph of a text plan that starts with a line beginning `head`: its lines up to the next blank line. */
export function paragraphOf(text: string, head: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.startsWith(head));
  if (at < 0) throw new Error(`no paragraph starting ${JSON.stringify(head)} in:\n${text}`);
  const end = lines.indexOf("", at);
  return lines.slice(at, end < 0 ? undefined : end).join("\n");
}

/** The words of a paragraph wrapped over several lines, on one line. */
export function unwrapped(paragraph: string): string {
  return paragraph.replace(/\n +/g, " ");
}
