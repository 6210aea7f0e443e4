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

export function svgGraph(svg: string): SvgGraph {
  const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  const title = (g: Element) => g.querySelector(":scope > title")?.textContent ?? "";
  const texts = (g: Element) => [...g.querySelectorAll(":scope > text")].map((t) => t.textContent ?? "");
  const nodes = new Map([...doc.querySelectorAll("g.node")].map((g) => [title(g), texts(g)]));
  const edges = [...doc.querySelectorAll("g.edge")].map((g) => {
    const [from, to] = title(g).split("->");
    return { from, to, label: texts(g).join(" ") };
  });
  return { nodes, edges, clusters: [...doc.querySelectorAll("g.cluster")].map(title) };
}
