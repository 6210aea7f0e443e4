/** Violation messages in one form: the resource, what is wrong, the source's words, the fix. */
import { quotes, type Quote } from "../rules/quotes";

export interface MessageParts {
  subject: string;
  problem: string;
  quote: Quote;
  fix: string;
}

export function message({ subject, problem, quote, fix }: MessageParts): string {
  return `${subject} ${problem}. ${quote.source}: "${quote.text}" Fix: ${fix}`;
}

/** The texts messages quote verbatim (the documents' words and names): kept as they are when secrets are masked. */
export const quotedTexts: readonly string[] = Object.values(quotes).flatMap((q: Quote) => [q.source, q.text]);
