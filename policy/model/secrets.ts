/**
 * Secrets stay secret in every message, table and page. A secret reaches the model wrapped in
 * `@pulumi/policy`'s `Secret` (the pack keeps the engine's secret envelopes as such, see
 * `pack/sharedDeserialization.ts`; the plan's adapter does the same); the value-reading layer (`toPlain` in
 * values.ts) unwraps it, so parsers and rules see plain data, and records its text in the resource view
 * (`ResourceView.secrets`, merged into `StackModel.secrets`). What leaves the pack or the plan passes
 * through `redactSecrets`, which prints `[secret]` for each secret text and for each of its parts (a rule
 * that splits `host:8443` quotes `host` and `8443`): a parser or rule added later needs nothing of its own.
 * It masks by text, so it errs on the safe side: the same text elsewhere in a message is masked too.
 * Booleans are not masked (a flag's meaning is the rule's subject; its text would mask every "true").
 * Text quoted verbatim from a fixed source (the docs a message cites) can be kept as it is.
 */

import { parseArmId } from "../azure/armId";

export const secretMask = "[secret]";

/** Adds the texts of a secret's value (every string and number in it) to `into`. */
export function addSecretTexts(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (value !== "") into.add(value);
  } else if (typeof value === "number" && Number.isFinite(value)) {
    into.add(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) addSecretTexts(item, into);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) addSecretTexts(item, into);
  }
}

/** A character that continues a word: a secret's part is masked only where it stands as a whole word. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_-]/u.test(c);
}

/**
 * The whole secret and its parts: the runs of word characters and dots, without dots at their ends, of three
 * characters or more (a CIDR's `24` or a port `80` alone tells little, and masking it everywhere would
 * garble the messages' examples).
 */
function fragmentsOf(secret: string): string[] {
  const parts = wordsOf(secret).map((p) => p.replace(/^[.-]+|[.-]+$/g, ""));
  return [secret, ...parts.filter((p) => p.length >= 3 && p !== secret)];
}

/**
 * The words of a secret a rule may quote alone. Of an ARM id, its resource names (what a label quotes), not the
 * words every id of the stack shares (`subscriptions`, `resourceGroups`, `providers`, the types, the subscription
 * and resource group): those would mask every other id word by word, while the id itself is masked whole.
 */
function wordsOf(secret: string): string[] {
  const id = parseArmId(secret);
  return id ? id.names : secret.split(/[^\p{L}\p{N}_.-]+/u);
}

/** Where each of `texts` occurs in `text`. */
function occurrences(text: string, texts: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const t of texts)
    if (t !== "")
      for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) found.push([at, at + t.length]);
  return found;
}

/**
 * The text with every secret (and every part of one standing as a word) replaced by `[secret]`, except
 * inside the occurrences of `keep` (fixed text such as a quoted document).
 */
export function redactSecrets(
  text: string,
  secrets: ReadonlySet<string>,
  keep: readonly string[] = [],
): string {
  if (secrets.size === 0 || text === "") return text;
  // Matched regardless of case (a message may quote a value in another case) when lowercasing keeps every
  // index in place, else exactly.
  const lower = text.toLowerCase();
  const folds = lower.length === text.length;
  const kept = occurrences(text, keep);
  const spans: [number, number][] = [];
  for (const secret of secrets) {
    for (const [i, fragment] of fragmentsOf(secret).entries()) {
      const lowered = fragment.toLowerCase();
      const [haystack, needle] =
        folds && lowered.length === fragment.length ? [lower, lowered] : [text, fragment];
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        // The whole secret is masked wherever it occurs; a part of it only as a word of its own.
        const whole = i === 0 || (!isWordChar(text[at - 1]) && !isWordChar(text[end]));
        if (whole && !kept.some(([from, to]) => at >= from && end <= to)) spans.push([at, end]);
      }
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue;
    if (start >= from) out += text.slice(from, start) + secretMask;
    from = end;
  }
  return out + text.slice(from);
}

/** A copy of plain data (objects, arrays, strings) with every string redacted; keys are kept. */
export function redactDeep<T>(value: T, secrets: ReadonlySet<string>): T {
  if (secrets.size === 0) return value;
  if (typeof value === "string") return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, secrets)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  return value;
}
