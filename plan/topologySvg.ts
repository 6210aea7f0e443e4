/**
 * The topology (see topology.ts) as Graphviz DOT, and as SVG laid out by Graphviz compiled to WebAssembly
 * (`@viz-js/viz`: no browser, no native binary, no dependency, nothing fetched at run time, and the same bytes
 * for the same input, which lets the docs' pictures be checked for staleness). Mermaid's own renderer needs a
 * DOM and its CLI a headless browser (puppeteer, or playwright for mermaid-isomorphic); the DOM-free Mermaid
 * renderers re-implement a subset of the syntax and are young, while Graphviz has laid out clusters for decades. Each cluster is a DOT cluster holding its
 * nodes and its own node (the VNet), so zone links are edges to a labelled node; every node's DOT id is its
 * model key (the URN for an in-stack resource), which Graphviz writes as the node's SVG `<title>`.
 */
import {
  nodeLines,
  type ClusterKind,
  type EdgeKind,
  type FindingLevel,
  type NodeKind,
  type Topology,
  type TopologyNode,
} from "./topology";

type Attributes = Record<string, string | number>;

const nodeStyles: Record<NodeKind, Attributes> = {
  workspace: { shape: "box3d", fillcolor: "#dbe9f6" },
  service: { shape: "cylinder", fillcolor: "#f1f3f4" },
  vnet: { shape: "tab", fillcolor: "#cfe0f3", color: "#4a7ab5" },
  endpoint: { shape: "box", style: "rounded,filled", fillcolor: "#ffffff" },
  managedEndpoint: { shape: "box", style: "rounded,filled", fillcolor: "#fff8e1" },
  outboundRule: { shape: "box", style: "filled", fillcolor: "#fff8e1" },
  zone: { shape: "hexagon", fillcolor: "#eaf6ea" },
  flagged: { shape: "note", fillcolor: "#ffffff" },
};

const clusterStyles: Record<ClusterKind, Attributes> = {
  vnet: { style: "rounded,filled", fillcolor: "#f2f7fc", color: "#4a7ab5" },
  managedVnet: { style: "rounded,filled,dashed", fillcolor: "#fffdf5", color: "#b08d2c" },
};

const edgeStyles: Record<EdgeKind, Attributes> = {
  uses: { style: "dashed", arrowhead: "empty", color: "#777777" },
  connects: { color: "#333333" },
  writes: { style: "dotted", color: "#2e7d32", fontcolor: "#2e7d32" },
  linked: { dir: "none", penwidth: 1.5, color: "#4a7ab5", fontcolor: "#4a7ab5" },
  holds: { style: "dashed", dir: "none", color: "#999999" },
};

const findingStyles: Record<FindingLevel, Attributes> = {
  mandatory: { color: "#c62828", fillcolor: "#fdecea", penwidth: 2.5 },
  advisory: { color: "#ef6c00", fillcolor: "#fff3e0", penwidth: 2 },
};

/** A DOT quoted string; `\n` separates label lines (Graphviz's escString: backslashes escaped). */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function attributes(attrs: Attributes): string {
  return `[${Object.entries(attrs)
    .map(([k, v]) => `${k}=${typeof v === "number" ? v : quoted(v)}`)
    .join(", ")}]`;
}

function nodeStatement(n: TopologyNode): string {
  const label = nodeLines(n).join("\n");
  const attrs = { ...nodeStyles[n.kind], ...(n.findings ? findingStyles[n.findings.level] : {}) };
  // `quoted` escapes the backslash of `\n`; Graphviz's line break is written after quoting.
  return `${quoted(n.id)} ${attributes({ ...attrs, label })}`.replace(/\n/g, "\\n");
}

export function topologyDot(topology: Topology): string {
  const out = [
    "digraph topology {",
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.25, ranksep=0.7, bgcolor="white"];',
    '  node [fontname="Helvetica", fontsize=10, style="filled", margin="0.2,0.07"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const c of topology.clusters) {
    out.push(`  subgraph ${quoted(`cluster ${c.id}`)} {`);
    out.push(
      `    graph ${attributes({ ...clusterStyles[c.kind], label: c.node ? "" : c.lines.join("\n") })}`.replace(
        /\n/g,
        "\\n",
      ),
    );
    for (const n of topology.nodes.filter((x) => x.cluster === c.id)) out.push(`    ${nodeStatement(n)}`);
    out.push("  }");
  }
  for (const n of topology.nodes.filter((x) => x.cluster === undefined)) out.push(`  ${nodeStatement(n)}`);
  for (const e of topology.edges) {
    out.push(
      `  ${quoted(e.from)} -> ${quoted(e.to)} ${attributes({ ...edgeStyles[e.kind], ...(e.label ? { label: e.label } : {}) })}`,
    );
  }
  out.push("}");
  return out.join("\n") + "\n";
}

type VizModule = typeof import("@viz-js/viz");
let viz: ReturnType<VizModule["instance"]> | undefined;

/**
 * The topology as SVG: a standalone document, or (`inline`) the `<svg>` element alone for an HTML page,
 * without XML declaration and doctype.
 */
export async function topologySvg(topology: Topology, options: { inline?: boolean } = {}): Promise<string> {
  // Loaded on first use: the WebAssembly module costs ~60 ms, which plans without a picture do not pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  viz ??= (require("@viz-js/viz") as VizModule).instance();
  return (await viz).renderString(topologyDot(topology), { format: options.inline ? "svg_inline" : "svg" });
}
