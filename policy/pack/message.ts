/** Violation messages in one form: the resource, what is wrong, the source's words, the fix. */
import type { Quote } from "../rules/quotes";

export interface MessageParts {
  subject: string;
  problem: string;
  quote: Quote;
  fix: string;
}

export function message({ subject, problem, quote, fix }: MessageParts): string {
  return `${subject} ${problem}. ${quote.source}: "${quote.text}" Fix: ${fix}`;
}
