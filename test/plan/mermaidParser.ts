/**
 * Mermaid's real parser, for checking diagrams. Mermaid is ESM-only and wants a DOM: it is loaded with a
 * true dynamic import (ts-node would turn `import()` into `require`) while a jsdom window is global. The
 * window is global only during a load or parse, so other tests in the process never see a DOM.
 */

// jsdom ships no typings here; the parser needs only a window and its document.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as { JSDOM: new (html: string) => { window: { document: unknown } } };

type Mermaid = { parse(text: string): Promise<unknown> };

const dom = new JSDOM("");
let loaded: Promise<Mermaid> | undefined;

async function withDom<T>(run: () => Promise<T>): Promise<T> {
  const global = globalThis as Record<string, unknown>;
  const saved = { window: global.window, document: global.document };
  Object.assign(global, { window: dom.window, document: dom.window.document });
  try {
    return await run();
  } finally {
    Object.assign(global, saved);
  }
}

/** Resolves when mermaid parses `text`, rejects with its parse error otherwise. */
export function parseMermaid(text: string): Promise<void> {
  return withDom(async () => {
    const importEsm = new Function("s", "return import(s)") as (s: string) => Promise<{ default: Mermaid }>;
    loaded ??= importEsm("mermaid").then((m) => m.default);
    await (await loaded).parse(text);
  });
}
