/**
 * The topology (see topology.ts) as a Mermaid flowchart: clusters as nested subgraphs (a cluster's own node is
 * its title, and edges to it end at the subgraph), nodes shaped by kind, findings as classes. Every id is
 * synthetic (`n<index>`) and every label quoted text that can hold no Mermaid syntax (see topologyText.ts).
 */
import {
  nodeLines,
  type EdgeKind,
  type FindingLevel,
  type NodeKind,
  type Topology,
  type TopologyNode,
} from "./topology";
import { mermaidText } from "./topologyText";

/** Opening and closing bracket of each node shape. */
const shapes: Record<NodeKind, [string, string]> = {
  workspace: ["[[", "]]"],
  service: ["[(", ")]"],
  vnet: ["[", "]"],
  endpoint: ["(", ")"],
  // A stadium: a parallelogram slants by its height, and a compute with a finding line widened its rank.
  compute: ["([", "])"],
  internet: ["((", "))"],
  summary: ["(", ")"],
  note: [">", "]"],
  dnsServer: ["{{", "}}"],
  appliance: ["[/", "\\]"],
  managedEndpoint: ["(", ")"],
  outboundRule: ["[", "]"],
  zone: ["{{", "}}"],
  flagged: ["[", "]"],
};

/** Arrow of each edge kind, before and after its label. */
const arrows: Record<EdgeKind, string> = {
  uses: "-.->",
  connects: "-->",
  writes: "-.->",
  linked: "---",
  holds: "-.-",
  exposed: "==>",
  notes: "-.-",
  peered: "<==>",
  peeringBroken: "x--x",
  dns: "==>",
  routed: "==>",
};

/** Mermaid has no legend: a zone link says what it is. */
const edgeLabels: Partial<Record<EdgeKind, string>> = { linked: "linked" };

const findingStyles: Record<FindingLevel, string> = {
  mandatory: "fill:#fdecea,stroke:#c62828,stroke-width:3px",
  advisory: "fill:#fff3e0,stroke:#ef6c00,stroke-width:2px",
};

/** Labels are quoted, each line inert text (see mermaidText), lines joined by Mermaid's line break. */
function label(lines: string[]): string {
  return `"${lines.map(mermaidText).join("<br/>")}"`;
}

export function mermaidDiagram(topology: Topology): string {
  const ids = new Map<string, string>();
  const id = (key: string) => {
    let found = ids.get(key);
    if (!found) ids.set(key, (found = `n${ids.size}`));
    return found;
  };
  const clusterOfNode = new Map(topology.clusters.flatMap((c) => (c.node ? [[c.node, c.id]] : [])));
  const idOf = (key: string) => id(clusterOfNode.get(key) ?? key);
  const declare = (n: TopologyNode) =>
    `${id(n.id)}${shapes[n.kind][0]}${label(nodeLines(n))}${shapes[n.kind][1]}`;

  const out = ["flowchart LR"];
  const nodes = new Map(topology.nodes.map((n) => [n.id, n]));
  const emit = (parent: string | undefined, indent: string) => {
    for (const c of topology.clusters.filter((x) => x.parent === parent)) {
      const own = c.node === undefined ? undefined : nodes.get(c.node);
      out.push(`${indent}subgraph ${id(c.id)}[${label(own ? nodeLines(own) : c.lines)}]`);
      emit(c.id, `${indent}  `);
      out.push(`${indent}end`);
    }
    for (const n of topology.nodes.filter((x) => x.cluster === parent && !clusterOfNode.has(x.id))) {
      out.push(`${indent}${declare(n)}`);
    }
  };
  emit(undefined, "  ");
  for (const e of topology.edges) {
    const edgeLabel = e.label ?? edgeLabels[e.kind];
    const text = edgeLabel ? `|${label([edgeLabel])}|` : "";
    out.push(`  ${idOf(e.from)} ${arrows[e.kind]}${text} ${idOf(e.to)}`);
  }
  for (const level of ["mandatory", "advisory"] as const) {
    const flagged = topology.nodes.filter((n) => n.findings?.level === level).map((n) => idOf(n.id));
    if (flagged.length === 0) continue;
    out.push(`  classDef ${level} ${findingStyles[level]}`);
    out.push(`  class ${[...new Set(flagged)].join(",")} ${level}`);
  }
  return out.join("\n") + "\n";
}
