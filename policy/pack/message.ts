/** Violation messages in one form: the resource, what is wrong, the source's words, the fix. */
import { quotes, type Quote } from "../rules/quotes";

export interface MessageParts {
  subject: string;
  problem: string;
  quote: Quote;
  fix: string;
}

const fixMarker = " Fix: ";

export function message({ subject, problem, quote, fix }: MessageParts): string {
  return `${subject} ${problem}. ${quote.source}: "${quote.text}"${fixMarker}${fix}`;
}

/**
 * The message with the component's argument first in its fix, then the Azure-level change for raw programs:
 * `Fix: WorkspaceNetwork "net" → sets.clients.dnsServers; in a raw program: add a VirtualNetworkLink …`.
 */
export function withComponentFix(text: string, componentFix: string | undefined): string {
  const at = text.lastIndexOf(fixMarker);
  if (componentFix === undefined || at < 0) return text;
  const azureFix = text.slice(at + fixMarker.length);
  return `${text.slice(0, at)}${fixMarker}${componentFix}; in a raw program: ${azureFix}`;
}

/** The texts messages quote verbatim (the documents' words and names): kept as they are when secrets are masked. */
export const quotedTexts: readonly string[] = Object.values(quotes).flatMap((q: Quote) => [q.source, q.text]);
