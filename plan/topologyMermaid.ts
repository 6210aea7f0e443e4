/**
 * The topology (see topology.ts) as a Mermaid flowchart: clusters as subgraphs (a cluster's own node is its
 * title, and edges to it end at the subgraph), nodes shaped by kind, findings as classes.
 */
import {
  nodeLines,
  type EdgeKind,
  type FindingLevel,
  type NodeKind,
  type Topology,
  type TopologyNode,
} from "./topology";

/** Opening and closing bracket of each node shape. */
const shapes: Record<NodeKind, [string, string]> = {
  workspace: ["[[", "]]"],
  service: ["[(", ")]"],
  vnet: ["[", "]"],
  endpoint: ["(", ")"],
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
};

const findingStyles: Record<FindingLevel, string> = {
  mandatory: "fill:#fdecea,stroke:#c62828,stroke-width:3px",
  advisory: "fill:#fff3e0,stroke:#ef6c00,stroke-width:2px",
};

/** Labels are quoted, with `"` written as an entity and no markup. */
function label(lines: string[]): string {
  return `"${lines.map((l) => l.replace(/"/g, "#quot;").replace(/[<>]/g, "")).join("<br/>")}"`;
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
  for (const c of topology.clusters) {
    const own = topology.nodes.find((n) => n.id === c.node);
    out.push(`  subgraph ${id(c.id)}[${label(own ? nodeLines(own) : c.lines)}]`);
    for (const n of topology.nodes.filter((x) => x.cluster === c.id && x.id !== c.node)) {
      out.push(`    ${declare(n)}`);
    }
    out.push("  end");
  }
  for (const n of topology.nodes.filter((x) => x.cluster === undefined)) out.push(`  ${declare(n)}`);
  for (const e of topology.edges) {
    const text = e.label ? `|${label([e.label])}|` : "";
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
