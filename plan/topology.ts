/**
 * The network topology as ONE description — nodes, the clusters holding them, edges — built from the pack's
 * model, the recorded graph and the pack's findings. The renderers (`topologyDot.ts` → SVG, `topologyMermaid.ts`)
 * draw this description and read nothing else, so every format shows the same picture.
 *
 * What is drawn: workspaces and the services they use; one cluster per VNet holding the VNet itself (a node, so
 * zone links are edges to it) and its private endpoints, each connected to its target (labelled with the group
 * ids) and writing A records into its zones; one cluster per managed VNet (Synapse, Data Factory) holding its
 * managed private endpoints, each connected to its target; and the findings, marked on the resources they
 * concern (a flagged resource that is not part of the network is drawn on its own); and each workspace's
 * managed network (mode, firewall) holding its outbound rules, the user's and Azure's. Each part of the network
 * is one {@link TopologyPart}.
 */
import type { Key, ManagedEndpoint, StackModel } from "../policy/model/types";
import { isUnknown } from "../policy/model/values";
import { urnParts, type Findings } from "./findings";
import { managedNetworkTables } from "./managedNetworkTables";
import type { RecordedGraph } from "./mockRun";
import { endpointDns } from "./vnetTables";

export type NodeKind =
  "workspace" | "service" | "vnet" | "endpoint" | "managedEndpoint" | "outboundRule" | "zone" | "flagged";
export type ClusterKind = "vnet" | "managedVnet";
/**
 * uses: a workspace's dependency; connects: an endpoint to its target; writes: A records; linked: a zone link;
 * holds: a workspace's own resource (compute, online endpoint...) drawn because a finding concerns it.
 */
export type EdgeKind = "uses" | "connects" | "writes" | "linked" | "holds";
export type FindingLevel = keyof Findings;

/** The findings on one resource: the highest level and the policies, each once. */
export interface NodeFindings {
  level: FindingLevel;
  policies: string[];
}

export interface TopologyNode {
  /** The model's key: the URN of an in-stack resource, an `arm:` key for one outside the stack. */
  id: string;
  kind: NodeKind;
  /** The label, one entry per line (without the findings). */
  lines: string[];
  /** The cluster holding the node. */
  cluster?: string;
  /** The URN of an in-stack resource. */
  urn?: string;
  findings?: NodeFindings;
}

export interface TopologyCluster {
  id: string;
  kind: ClusterKind;
  lines: string[];
  /** The node standing for the cluster itself (a VNet), drawn inside it; edges to the cluster end there. */
  node?: string;
}

export interface TopologyEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
}

export interface Topology {
  clusters: TopologyCluster[];
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** The label lines of a node, with its findings. */
export function nodeLines(node: TopologyNode): string[] {
  const findings = node.findings;
  return findings
    ? [...node.lines, ...findings.policies.map((p) => `⚠ ${findings.level}: ${p}`)]
    : node.lines;
}

/** What the parts read. */
export interface TopologyInput {
  model: StackModel;
  graph: RecordedGraph;
  findings: Findings;
}

/** The description under construction; a node or cluster is added once, at its first mention. */
export class TopologyBuilder {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly clusters = new Map<string, TopologyCluster>();
  private readonly edges: TopologyEdge[] = [];

  constructor(readonly input: TopologyInput) {}

  /** A resource's name as the program gave it, else the model's label. */
  nameOf(key: Key): string {
    return this.input.graph.byUrn(key)?.name ?? this.input.model.label(key);
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  node(id: string, kind: NodeKind, lines: string[], cluster?: string): void {
    if (this.nodes.has(id)) return;
    const urn = this.input.graph.byUrn(id) ? id : undefined;
    this.nodes.set(id, { id, kind, lines: lines.filter((l) => l !== ""), cluster, urn });
  }

  cluster(id: string, kind: ClusterKind, lines: string[], node?: string): void {
    if (!this.clusters.has(id))
      this.clusters.set(id, { id, kind, lines: lines.filter((l) => l !== ""), node });
  }

  edge(from: string, to: string, kind: EdgeKind, label?: string): void {
    this.edges.push({ from, to, kind, ...(label ? { label } : {}) });
  }

  /** The description, with each node's findings; flagged resources not drawn yet are added on their own. */
  build(): Topology {
    const byUrn = new Map<string, NodeFindings>();
    for (const level of ["mandatory", "advisory"] as const) {
      for (const f of this.input.findings[level]) {
        const found = byUrn.get(f.urn) ?? { level, policies: [] };
        if (!found.policies.includes(f.policy)) found.policies.push(f.policy);
        byUrn.set(f.urn, found);
      }
    }
    const { model } = this.input;
    const workspaceOf = new Map<string, unknown>(
      [...model.computes, ...model.onlineEndpoints, ...model.batchEndpoints, ...model.datastores].map((e) => [
        e.urn,
        e.workspace,
      ]),
    );
    for (const urn of byUrn.keys()) {
      if (!this.nodes.has(urn)) {
        const { type, name } = urnParts(urn);
        this.node(urn, "flagged", [name, type.replace(/^azure-native:/, "")]);
        this.nodes.get(urn)!.urn = urn;
        const workspace = workspaceOf.get(urn);
        if (typeof workspace === "string" && this.nodes.has(workspace)) this.edge(workspace, urn, "holds");
      }
    }
    const nodes = [...this.nodes.values()].map((n) => {
      const findings = n.urn === undefined ? undefined : byUrn.get(n.urn);
      return findings ? { ...n, findings } : n;
    });
    return { clusters: [...this.clusters.values()], nodes, edges: this.edges };
  }
}

/** One part of the network: adds its clusters, nodes and edges. */
export type TopologyPart = (b: TopologyBuilder) => void;

/** The label lines of a target, zone or service first mentioned by an edge. */
function serviceNode(b: TopologyBuilder, key: Key): void {
  b.node(key, "service", [b.input.model.label(key)]);
}

function zoneNode(b: TopologyBuilder, key: Key, zoneName: unknown): void {
  const { model } = b.input;
  const name = typeof zoneName === "string" ? zoneName : model.label(key);
  b.node(key, "zone", [name, model.zones.has(key) ? "" : "outside the stack"]);
}

/** Every VNet (in the stack, holding an endpoint, or linked to a zone) with its endpoints. */
const vnets: TopologyPart = (b) => {
  const { model, graph } = b.input;
  const keys = new Set<Key>(model.vnets.keys());
  for (const e of model.endpoints) if (typeof e.vnet === "string") keys.add(e.vnet);
  for (const linked of model.linkedVnetsByZone.values()) for (const v of linked) keys.add(v);
  for (const vnet of keys) {
    const prefixes = model.vnets.get(vnet)?.addressPrefixes;
    const lines = [`VNet ${b.nameOf(vnet)}`, Array.isArray(prefixes) ? prefixes.join(", ") : ""];
    b.cluster(vnet, "vnet", lines, vnet);
    b.node(vnet, "vnet", lines, vnet);
    for (const e of model.endpoints.filter((x) => x.vnet === vnet)) {
      const ips = [...new Set(endpointDns(graph, e.urn).flatMap((d) => d.ipAddresses))];
      b.node(e.key, "endpoint", [b.nameOf(e.key), ips.join(", ")], vnet);
    }
  }
  for (const e of model.endpoints.filter((x) => typeof x.vnet !== "string")) {
    b.node(e.key, "endpoint", [b.nameOf(e.key), "VNet not known"]);
  }
};

const managedVnetServices: Record<ManagedEndpoint["service"], string> = {
  synapse: "Synapse workspace",
  dataFactory: "data factory",
};

/**
 * The service whose managed VNet holds a managed endpoint. The model keys a Synapse workspace only; a data
 * factory is the in-stack factory its `factoryName` came from, else that input (a factory outside the stack).
 */
function managedVnetOwner(b: TopologyBuilder, m: ManagedEndpoint): string {
  const { graph } = b.input;
  const resource = graph.byUrn(m.urn);
  const factory = (resource?.propertyDependencies.factoryName ?? [])
    .map((urn) => graph.byUrn(urn))
    .find((r) => r?.type === "azure-native:datafactory:Factory");
  const factoryName = resource?.inputs.factoryName;
  const name =
    typeof m.host === "string"
      ? b.nameOf(m.host)
      : (factory?.name ?? (typeof factoryName === "string" ? `'${factoryName}'` : "(not known)"));
  return `${managedVnetServices[m.service]} ${name}`;
}

/** One cluster per managed VNet (Synapse, Data Factory) holding its managed private endpoints. */
const managedVnets: TopologyPart = (b) => {
  for (const m of b.input.model.managedEndpoints) {
    const title = `managed VNet of ${managedVnetOwner(b, m)}`;
    b.cluster(title, "managedVnet", [title]);
    b.node(m.key, "managedEndpoint", [b.nameOf(m.key)], title);
  }
};

/**
 * One cluster per workspace managed network: the managed VNet itself (a node, reached from its workspace) and
 * one node per outbound rule with its type, destination and who made it.
 */
const workspaceManagedNetworks: TopologyPart = (b) => {
  for (const table of managedNetworkTables(b.input.graph)) {
    const id = `${table.urn}/managedNetwork`;
    const lines = [
      `managed VNet of ML workspace ${table.workspace}`,
      [table.isolationMode, table.firewallSku && `firewall ${table.firewallSku}`].filter(Boolean).join(", "),
    ];
    b.cluster(id, "managedVnet", lines, id);
    b.node(id, "vnet", lines, id);
    b.edge(table.urn, id, "holds");
    for (const rule of table.rules)
      b.node(
        `${id}/${rule.name}`,
        "outboundRule",
        [rule.name, `${rule.type}: ${rule.destination}`, `by ${rule.madeBy}`],
        id,
      );
  }
};

/** Workspaces and the services they use. */
const workspaces: TopologyPart = (b) => {
  for (const w of b.input.model.workspaces) {
    b.node(w.key, "workspace", [`ML workspace ${b.nameOf(w.key)}`]);
    for (const dep of [w.storageAccount, w.keyVault, w.containerRegistry]) {
      if (typeof dep !== "string") continue;
      serviceNode(b, dep);
      b.edge(w.key, dep, "uses");
    }
  }
};

/** Each endpoint's connections to its targets and the zones its zone groups write into. */
const endpointEdges: TopologyPart = (b) => {
  const { model } = b.input;
  for (const e of model.endpoints) {
    for (const c of e.connections) {
      if (typeof c.target !== "string") continue;
      serviceNode(b, c.target);
      const groups = c.groupIds === undefined || isUnknown(c.groupIds) ? "" : c.groupIds.join(", ");
      b.edge(e.key, c.target, "connects", groups);
    }
    for (const group of model.zoneGroupsByEndpoint.get(e.key) ?? []) {
      for (const zone of group.zones) {
        zoneNode(b, zone.key, zone.zoneName);
        b.edge(e.key, zone.key, "writes", "A records");
      }
    }
  }
  for (const m of model.managedEndpoints) {
    if (typeof m.target !== "string") continue;
    serviceNode(b, m.target);
    b.edge(m.key, m.target, "connects", typeof m.groupId === "string" ? m.groupId : "");
  }
};

/** Every zone, and its links to VNets. */
const zoneLinks: TopologyPart = (b) => {
  const { model } = b.input;
  for (const zone of model.zones.values()) zoneNode(b, zone.key, zone.zoneName);
  for (const [zone, linked] of model.linkedVnetsByZone) {
    zoneNode(b, zone, undefined);
    for (const vnet of linked) b.edge(zone, vnet, "linked", "linked");
  }
};

/** The parts, in drawing order. */
export const topologyParts: readonly TopologyPart[] = [
  vnets,
  managedVnets,
  workspaceManagedNetworks,
  workspaces,
  endpointEdges,
  zoneLinks,
];

export function topology(input: TopologyInput): Topology {
  const builder = new TopologyBuilder(input);
  for (const part of topologyParts) part(builder);
  return builder.build();
}
