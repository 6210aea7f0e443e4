/**
 * The topology (see topology.ts) as Graphviz DOT, and as SVG laid out by Graphviz compiled to WebAssembly
 * (`@viz-js/viz`: no browser, no native binary, no dependency, nothing fetched at run time, and the same bytes
 * for the same input, which lets the docs' pictures be checked for staleness). Mermaid's own renderer needs a
 * DOM and its CLI a headless browser (puppeteer, or playwright for mermaid-isomorphic); the DOM-free Mermaid
 * renderers re-implement a subset of the syntax and are young, while Graphviz has laid out clusters for decades.
 *
 * Clusters nest as Azure nests them (resource group ⊃ VNet ⊃ subnet); a VNet cluster holds its own node, so zone
 * links are edges to a labelled node. Every node's DOT id is its model key (the URN of an in-stack resource),
 * which Graphviz writes as the node's SVG `<title>`; its SVG `id` is a synthetic anchor (`n<index>`) the page
 * links to, its tooltip says in words what it is, and its class names its kind. Edges carry no label but the
 * exposure story (labels between crossing edges were unreadable): their style says what they are (the legend
 * draws each) and their tooltip says it in words. The picture is one SVG: title, the graph, and the legend
 * (each shape and edge style drawn by Graphviz too).
 */
import {
  findingMarks,
  pushTo,
  nodeLines,
  type ClusterKind,
  type EdgeKind,
  type FindingLevel,
  type NodeKind,
  type Topology,
  type TopologyCluster,
  type TopologyNode,
} from "./topology";
import { dotText, xmlText } from "./topologyText";

type Attributes = Record<string, string | number>;

const nodeStyles: Record<NodeKind, Attributes> = {
  workspace: { shape: "box3d", fillcolor: "#dbe9f6" },
  service: { shape: "cylinder", fillcolor: "#f1f3f4" },
  vnet: { shape: "tab", fillcolor: "#cfe0f3", color: "#4a7ab5" },
  endpoint: { shape: "box", style: "rounded,filled", fillcolor: "#ffffff" },
  compute: { shape: "component", fillcolor: "#ede7f6", color: "#5e35b1" },
  managedEndpoint: { shape: "box", style: "rounded,filled", fillcolor: "#fff8e1" },
  outboundRule: { shape: "box", style: "filled", fillcolor: "#fff8e1" },
  zone: { shape: "hexagon", fillcolor: "#eaf6ea" },
  internet: { shape: "doublecircle", fillcolor: "#fdecea", color: "#c62828", fontcolor: "#c62828" },
  summary: { shape: "box", style: "rounded,filled,bold", fillcolor: "#ffffff" },
  note: { shape: "note", fillcolor: "#fffde7", color: "#8d6e00" },
  dnsServer: { shape: "octagon", fillcolor: "#e0f2f1", color: "#00695c" },
  appliance: { shape: "house", fillcolor: "#fbe9e7", color: "#bf360c" },
  flagged: { shape: "box", style: "filled", fillcolor: "#ffffff" },
};

/** What each kind is, for the legend. */
const nodeMeanings: Record<NodeKind, string> = {
  workspace: "ML workspace",
  service: "service an endpoint reaches",
  vnet: "VNet (its cluster holds its subnets)",
  endpoint: "private endpoint: name, private IP, group ids",
  compute: "compute or AKS cluster",
  managedEndpoint: "managed private endpoint",
  outboundRule: "outbound rule(s) of a managed network",
  zone: "private DNS zone",
  internet: "the internet",
  summary: "endpoints of a large VNet, summarised",
  note: "who writes the DNS records",
  dnsServer: "DNS server, resolver or ruleset a VNet uses",
  appliance: "firewall or NVA a route sends traffic through",
  flagged: "resource with a finding",
};

const clusterStyles: Record<ClusterKind, Attributes> = {
  resourceGroup: { style: "dashed", color: "#8c959f", fontcolor: "#57606a" },
  vnet: { style: "rounded,filled", fillcolor: "#f2f7fc", color: "#4a7ab5" },
  subnet: { style: "rounded,filled", fillcolor: "#e3eefa", color: "#7aa3d4" },
  managedVnet: { style: "rounded,filled,dashed", fillcolor: "#fffdf5", color: "#b08d2c" },
  ruleGroup: { style: "rounded", color: "#d9c48a", fontcolor: "#6b5b1f" },
};

const edgeStyles: Record<EdgeKind, Attributes> = {
  uses: { style: "dashed", arrowhead: "empty", color: "#777777" },
  connects: { color: "#333333" },
  writes: { style: "dotted", color: "#2e7d32", penwidth: 1.3 },
  linked: { dir: "none", penwidth: 2, color: "#4a7ab5" },
  holds: { style: "dashed", dir: "none", color: "#999999" },
  exposed: { color: "#c62828", fontcolor: "#c62828", penwidth: 2, fontsize: 10 },
  notes: { style: "dashed", dir: "none", color: "#8d6e00" },
  peered: { dir: "both", penwidth: 2.5, color: "#6a1b9a" },
  peeringBroken: {
    dir: "both",
    style: "dashed",
    penwidth: 2,
    color: "#c62828",
    fontcolor: "#c62828",
    arrowhead: "tee",
    arrowtail: "none",
  },
  dns: { style: "bold", color: "#00695c", arrowhead: "vee" },
  routed: { style: "bold", color: "#bf360c", fontcolor: "#bf360c", arrowhead: "normal", fontsize: 10 },
};

/** What each edge style means, for the legend and (as a verb) the edge's tooltip. */
const edgeMeanings: Record<EdgeKind, string> = {
  uses: "uses",
  connects: "connects privately to",
  writes: "writes A records into",
  linked: "is linked to (resolves through)",
  holds: "holds",
  exposed: "reaches",
  notes: "is about",
  peered: "is peered both ways with",
  peeringBroken: "has a broken or one-way peering with",
  dns: "sends its DNS queries to",
  routed: "reaches, through a hub firewall or NVA,",
};

/** What each edge style means, as the legend says it. */
const edgeLegend: Record<EdgeKind, string> = {
  uses: "workspace uses service",
  connects: "private connection to target",
  writes: "writes A records into zone",
  linked: "zone linked to VNet",
  holds: "holds",
  exposed: "reachable from the internet",
  notes: "note about",
  peered: "VNets peered both ways",
  peeringBroken: "peering one-way or broken",
  dns: "VNet's DNS queries go to",
  routed: "VNet reaches VNet through a hub firewall or NVA",
};

/** The edges whose label is drawn: the story of a finding (exposure, a broken peering); others say it in their tooltip. */
const drawnEdgeLabels = new Set<EdgeKind>(["exposed", "peeringBroken", "routed"]);

const findingStyles: Record<FindingLevel, Attributes> = {
  mandatory: { color: "#c62828", fillcolor: "#fdecea", penwidth: 3, peripheries: 2 },
  advisory: { color: "#ef6c00", fillcolor: "#fff3e0", penwidth: 2, style: "filled,dashed" },
};

/** A DOT quoted string of free text. */
function quoted(text: string): string {
  return `"${dotText(text)}"`;
}

/** Label lines: each line's text escaped, Graphviz's `\l`-free centred line break between them. */
function labelOf(lines: readonly string[]): string {
  return `"${lines.map(dotText).join("\\n")}"`;
}

function attributes(attrs: Attributes, label?: readonly string[]): string {
  const entries = Object.entries(attrs).map(([k, v]) => `${k}=${typeof v === "number" ? v : quoted(v)}`);
  if (label) entries.push(`label=${labelOf(label)}`);
  return `[${entries.join(", ")}]`;
}

/** The page anchor (SVG id) of each node and cluster: synthetic, so no name reaches an id. */
export function nodeAnchors(topology: Topology): Map<string, string> {
  return new Map([
    ...topology.clusters.map((c, i): [string, string] => [c.id, `c${i}`]),
    ...topology.nodes.map((n, i): [string, string] => [n.id, `n${i}`]),
  ]);
}

function nodeStatement(n: TopologyNode, anchor: string): string {
  const findings = n.findings;
  const attrs = {
    ...nodeStyles[n.kind],
    ...(findings ? findingStyles[findings.level] : {}),
    id: anchor,
    class: `kind-${n.kind}${findings ? ` finding-${findings.level}` : ""}`,
    tooltip: findings
      ? `${n.tooltip}. ${findings.level} finding(s): ${findings.policies.join(", ")}`
      : n.tooltip,
  };
  return `${quoted(n.id)} ${attributes(attrs, nodeLines(n))}`;
}

/**
 * A cluster's title as a plain-text node inside it (a VNet's is its own node): dot routes edges around nodes
 * but straight through cluster labels, which left titles struck through.
 */
function clusterTitle(c: TopologyCluster, anchor: string, color: string | number | undefined): string {
  if (c.node) return "";
  const attrs = {
    shape: "plaintext",
    style: "",
    fontcolor: color ?? "#57606a",
    id: `${anchor}-title`,
    class: "cluster-title",
  };
  return `${quoted(`title ${c.id}`)} ${attributes(attrs, nodeLines(c))}`;
}

export function topologyDot(topology: Topology): string {
  const out = [
    "digraph topology {",
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.9, bgcolor="white", newrank=true];',
    '  node [fontname="Helvetica", fontsize=10, style="filled", margin="0.2,0.07"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const anchors = nodeAnchors(topology);
  const nodesIn = new Map<string | undefined, TopologyNode[]>();
  for (const n of topology.nodes) pushTo(nodesIn, n.cluster, n);
  const childClusters = new Map<string | undefined, TopologyCluster[]>();
  for (const c of topology.clusters) pushTo(childClusters, c.parent, c);
  const emit = (parent: string | undefined, indent: string) => {
    for (const c of childClusters.get(parent) ?? []) {
      out.push(`${indent}subgraph ${quoted(`cluster ${c.id}`)} {`);
      const tooltip = c.lines.join(" ");
      // A cluster takes a finding's colours and pen, not its fill or second outline (clusters have one).
      const found = c.findings && findingStyles[c.findings.level];
      const marks: Attributes = found
        ? { color: found.color, penwidth: found.penwidth, fontcolor: found.color }
        : {};
      const attrs = {
        ...clusterStyles[c.kind],
        ...marks,
        tooltip,
        id: anchors.get(c.id)!,
        class: `kind-${c.kind}`,
      };
      out.push(`${indent}  graph ${attributes(attrs, [])}`);
      const title = clusterTitle(c, anchors.get(c.id)!, marks.fontcolor ?? clusterStyles[c.kind].fontcolor);
      if (title) out.push(`${indent}  ${title}`);
      emit(c.id, `${indent}  `);
      out.push(`${indent}}`);
    }
    for (const n of nodesIn.get(parent) ?? []) out.push(`${indent}${nodeStatement(n, anchors.get(n.id)!)}`);
  };
  // Graphviz orders each rank by first mention: what blocks the stack (the internet, flagged resources) is
  // declared first, so it is drawn at the top, inside the first screen.
  const first = (n: TopologyNode) => (n.kind === "internet" || n.findings?.level === "mandatory" ? 0 : 1);
  nodesIn.set(
    undefined,
    [...(nodesIn.get(undefined) ?? [])].sort((a, b) => first(a) - first(b)),
  );
  const top = nodesIn.get(undefined)!.filter((n) => first(n) === 0);
  for (const n of top) out.push(`  ${nodeStatement(n, anchors.get(n.id)!)}`);
  nodesIn.set(
    undefined,
    nodesIn.get(undefined)!.filter((n) => first(n) === 1),
  );
  emit(undefined, "  ");
  const firstLine = new Map(topology.nodes.map((n) => [n.id, n.lines[0] ?? n.id]));
  for (const e of topology.edges) {
    const what = `${firstLine.get(e.from) ?? e.from} ${edgeMeanings[e.kind]} ${firstLine.get(e.to) ?? e.to}`;
    const tooltip = e.label ? `${what} (${e.label})` : what;
    const attrs = { ...edgeStyles[e.kind], class: `edge-${e.kind}`, tooltip };
    const label = e.label && drawnEdgeLabels.has(e.kind) ? [e.label] : undefined;
    out.push(`  ${quoted(e.from)} -> ${quoted(e.to)} ${attributes(attrs, label)}`);
  }
  out.push("}");
  return out.join("\n") + "\n";
}

/**
 * The legend as its own graph: one row per shape, edge style and finding mark the picture uses, each drawn
 * with the picture's own style next to its meaning. Ids are prefixed so they never clash with the picture's.
 */
export function legendDot(topology: Topology): string {
  const kinds = [...new Set(topology.nodes.map((n) => n.kind))];
  const edges = [...new Set(topology.edges.map((e) => e.kind))];
  const levels = (["mandatory", "advisory"] as const).filter((l) =>
    topology.nodes.some((n) => n.findings?.level === l),
  );
  const node = (id: string, attrs: Attributes, label?: string[]) =>
    `  ${id} ${attributes({ ...attrs, id: `legend-${id}` }, label)}`;
  /** Each item: its sample's statements, the sample's first and last node, and its meaning. */
  const items: { statements: string[]; head: string; tail: string; meaning: string }[] = [
    ...kinds.map((k, i) => ({
      statements: [node(`ln${i}`, { ...nodeStyles[k], width: 0.5, height: 0.3 }, [" "])],
      head: `ln${i}`,
      tail: `ln${i}`,
      meaning: nodeMeanings[k],
    })),
    ...levels.map((l, i) => ({
      statements: [
        node(`lf${i}`, { ...nodeStyles.flagged, ...findingStyles[l] }, [`${findingMarks[l]} ${l}`]),
      ],
      head: `lf${i}`,
      tail: `lf${i}`,
      meaning:
        l === "mandatory"
          ? "mandatory finding: blocks pulumi preview"
          : "advisory finding: reported, not blocking",
    })),
    ...edges.map((k, i) => ({
      statements: [
        node(`le${i}a`, { shape: "point", width: 0.05 }),
        node(`le${i}b`, { shape: "point", width: 0.05 }),
        `  le${i}a -> le${i}b ${attributes({ ...edgeStyles[k], id: `legend-le${i}`, minlen: 2 })}`,
      ],
      head: `le${i}a`,
      tail: `le${i}b`,
      meaning: edgeLegend[k],
    })),
  ];
  const out = [
    "digraph legend {",
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=11, nodesep=0.12, ranksep=0.12, bgcolor="white"];',
    '  node [fontname="Helvetica", fontsize=10, style="filled"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  // Rows of a few items, each row one rank: sample, meaning, next sample..., kept in order by invisible edges.
  for (let row = 0; row * legendColumns < items.length; row++) {
    const rowItems = items.slice(row * legendColumns, (row + 1) * legendColumns);
    const members: string[] = [];
    rowItems.forEach((item, j) => {
      const i = row * legendColumns + j;
      out.push(...item.statements);
      out.push(node(`t${i}`, { shape: "plaintext", style: "", width: 2.6 }, [item.meaning]));
      if (members.length) out.push(`  ${members[members.length - 1]} -> ${item.head} [style=invis]`);
      out.push(`  ${item.tail} -> t${i} [style=invis]`);
      members.push(...new Set([item.head, item.tail]), `t${i}`);
    });
    out.push(`  { rank=same; ${members.join("; ")} }`);
    if (row > 0) out.push(`  t${(row - 1) * legendColumns} -> ${rowItems[0].head} [style=invis]`);
  }
  out.push("}");
  return out.join("\n") + "\n";
}

const legendColumns = 4;

type VizModule = typeof import("@viz-js/viz");
let viz: ReturnType<VizModule["instance"]> | undefined;

/** Width, height (points) and body of a Graphviz `svg_inline` document. */
function graphPart(svg: string): { width: number; height: number; body: string } {
  const open = /<svg[^>]*viewBox="0(?:\.00)? 0(?:\.00)? ([\d.]+) ([\d.]+)"[^>]*>/.exec(svg);
  if (!open) throw new Error("Graphviz wrote an SVG without a viewBox");
  const body = svg.slice(open.index + open[0].length, svg.lastIndexOf("</svg>"));
  return { width: Number(open[1]), height: Number(open[2]), body };
}

const titleHeight = 30;

/**
 * The topology as SVG: a standalone document, or (`inline`) the `<svg>` element alone for an HTML page,
 * without XML declaration. It holds a title (the stack's name), the graph, and the legend below it; its size
 * is in points with a viewBox, so a page can scale it to its width.
 */
export async function topologySvg(topology: Topology, options: { inline?: boolean } = {}): Promise<string> {
  // Loaded on first use: the WebAssembly module costs ~60 ms, which plans without a picture do not pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  viz ??= (require("@viz-js/viz") as VizModule).instance();
  const renderer = await viz;
  const graph = graphPart(renderer.renderString(topologyDot(topology), { format: "svg_inline" }));
  const legend = graphPart(
    renderer
      .renderString(legendDot(topology), { format: "svg_inline" })
      .replace(/ id="(?!legend-)/g, ' id="legend-'),
  );
  const width = Math.ceil(Math.max(graph.width, legend.width));
  const height = Math.ceil(titleHeight + graph.height + legend.height + 10);
  const nested = (part: typeof graph, y: number, id: string) =>
    `<svg id="${id}" x="0" y="${y}" width="${part.width}" height="${part.height}" viewBox="0 0 ${part.width} ${part.height}">${part.body}</svg>`;
  const title = xmlText(topology.title);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="topology" width="${width}pt" height="${height}pt" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="8" y="20" font-family="Helvetica,Arial,sans-serif" font-size="15" font-weight="bold" fill="#1f2328">${title}</text>`,
    nested(graph, titleHeight, "picture"),
    `<line x1="8" x2="${width - 8}" y1="${titleHeight + graph.height + 4}" y2="${titleHeight + graph.height + 4}" stroke="#d0d7de"/>`,
    nested(legend, titleHeight + graph.height + 10, "legend"),
    "</svg>",
  ].join("\n");
  return options.inline ? svg + "\n" : `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${svg}\n`;
}
