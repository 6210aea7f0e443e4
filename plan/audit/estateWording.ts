/**
 * The audit's scope is the estate the export holds, not a stack: the pack and the plan's reports say
 * "outside the stack" for what they do not see, and the audit says the same in the estate's words. One table
 * of phrases, applied to every text of the audit's document and pages.
 */
const phrases: readonly [stack: string, estate: string][] = [
  ["outside this stack", "outside this estate"],
  ["outside the stack", "outside the estate"],
  ["not in this stack", "not in this estate"],
  ["none in this stack", "none in this estate"],
  ["in this stack", "in this estate"],
  ["in the stack", "in the estate"],
  ["of the stack", "of the estate"],
  ["the stack's", "the estate's"],
];

/** `text` with the stack's phrases in the estate's words (split and joined: no pattern built from text). */
export function estateWords(text: string): string {
  return phrases.reduce((t, [stack, estate]) => t.split(stack).join(estate), text);
}

/** Every string inside `value`, in the estate's words. */
export function estateWordsDeep<T>(value: T): T {
  if (typeof value === "string") return estateWords(value) as T;
  if (Array.isArray(value)) return value.map(estateWordsDeep) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, estateWordsDeep(v)]),
  ) as T;
}
