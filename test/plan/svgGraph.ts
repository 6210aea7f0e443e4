/**
 * A Graphviz SVG read back as a graph, with jsdom: each `<g class="node">` by its `<title>` (the DOT id) with the
 * lines of its label, each `<g class="edge">` as `from->to` with its label. What a reader of the picture sees.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as typeof import("jsdom");

export interface SvgGraph {
  /** Label lines by node title. */
  nodes: Map<string, string[]>;
  /** `from->to` of every edge, with its label (empty when none). */
  edges: { from: string; to: string; label: string }[];
  /** Titles of the clusters. */
  clusters: string[];
}

/** One window's XML parser for every picture: a window per picture costs more than the parse. */
let parser: DOMParser | undefined;

export function svgGraph(svg: string): SvgGraph {
  parser ??= new new JSDOM("").window.DOMParser();
  const doc = parser.parseFromString(svg, "image/svg+xml");
  if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("not well-formed SVG");
  const children = (g: Element, tag: string) => [...g.children].filter((c) => c.tagName === tag);
  const title = (g: Element) => children(g, "title")[0]?.textContent ?? "";
  const texts = (g: Element) => children(g, "text").map((t) => t.textContent ?? "");
  const groups = (kind: string) =>
    [...doc.getElementsByTagName("g")].filter((g) => g.getAttribute("class") === kind);
  const nodes = new Map(groups("node").map((g) => [title(g), texts(g)]));
  const edges = groups("edge").map((g) => {
    const [from, to] = title(g).split("->");
    return { from, to, label: texts(g).join(" ") };
  });
  return { nodes, edges, clusters: groups("cluster").map(title) };
}
