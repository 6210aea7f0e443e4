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
 * managed network (mode, firewall) holding its outbound rules, the user's and Azure's; hub-based projects, held
 * by their hub. Each part of the network is one {@link TopologyPart}.
 */
import { azureDnsIp } from "../policy/azure/azureDnsIp";
import { parseArmId } from "../policy/azure/armId";
import type { DnsHost, DnsHostKind, Verdict } from "../policy/model/networkGraph";
import type { PrivateDnsManager } from "../policy/model/privateDnsDeclaration";
import { parseExternalKey } from "../policy/model/identity";
import { ClientVnets } from "../policy/model/clientVnets";
import { describePath, dnsHostOf, resolverOf } from "../policy/model/resolution";
import { transitPaths } from "../policy/model/transitPaths";
import type { Key, ManagedEndpoint, PrivateEndpoint, StackModel } from "../policy/model/types";
import { isUnknown, type Maybe } from "../policy/model/values";
import { workspaceKindTraits } from "../policy/model/workspaceKinds";
import { urnParts, type Findings } from "./findings";
import { managedNetworkTables } from "./managedNetworkTables";
import { compareText } from "./topologyText";
import type { RecordedGraph } from "./mockRun";
import { endpointDns } from "./vnetTables";

export type NodeKind =
  | "workspace"
  | "service"
  | "vnet"
  | "endpoint"
  | "compute"
  | "managedEndpoint"
  | "outboundRule"
  | "zone"
  | "internet"
  | "summary"
  | "note"
  | "dnsServer"
  | "appliance"
  | "flagged";
/** A cluster mirrors where Azure puts things: resource group ⊃ VNet ⊃ subnet; managed VNets ⊃ rule groups. */
export type ClusterKind = "resourceGroup" | "vnet" | "subnet" | "managedVnet" | "ruleGroup";
/**
 * uses: a workspace's dependency; connects: an endpoint (or outbound rule) to its target; writes: A records;
 * linked: a zone link; holds: a workspace's own resource; exposed: reachable from the internet; notes: a note
 * on what it points at (who writes the DNS records); peered: a peering both ways; peeringBroken: one-way,
 * disconnected or without network access (its label says why); dns: a VNet's DNS queries go there; routed: a
 * VNet reaches the endpoints' VNet through a hub firewall or NVA its user-defined route names (the label).
 */
export type EdgeKind =
  | "uses"
  | "connects"
  | "writes"
  | "linked"
  | "holds"
  | "exposed"
  | "notes"
  | "peered"
  | "peeringBroken"
  | "dns"
  | "routed";
export type FindingLevel = keyof Findings;

/** The mark each finding level adds to a label: distinct glyphs, so the levels differ without colour too. */
export const findingMarks: Record<FindingLevel, string> = { mandatory: "✖", advisory: "⚠" };

/**
 * Beyond this many private endpoints in one VNet the picture summarises the VNet (counts by group id) instead
 * of laying each out: Graphviz's layout grows with about the cube of the nodes in a cluster (500 endpoints
 * take seconds, 2,000 minutes), and a picture of hundreds of boxes is read by nobody. The tables keep them all.
 */
export const maxDrawnEndpointsPerVnet = 60;

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
  /** What the node is, in words (the picture's tooltip). */
  tooltip: string;
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
  /** The cluster holding this one. */
  parent?: string;
  /** The findings on the resource the cluster is (a subnet). */
  findings?: NodeFindings;
}

export interface TopologyEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Drawn on the edge: only where the edge tells the story (exposure); others say it in their tooltip. */
  label?: string;
}

export interface Topology {
  /** What the picture shows, with the stack's name. */
  title: string;
  clusters: TopologyCluster[];
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** The label lines of a node, with its findings. */
export function nodeLines(node: { lines: string[]; findings?: NodeFindings }): string[] {
  const findings = node.findings;
  return findings
    ? [
        ...node.lines,
        ...findings.policies.map((p) => `${findingMarks[findings.level]} ${findings.level}: ${p}`),
      ]
    : node.lines;
}

/** What the parts read. */
export interface TopologyInput {
  model: StackModel;
  graph: RecordedGraph;
  findings: Findings;
  /** The stack's name, for the title. */
  stack?: string;
  /** Who writes the private DNS records (the stack's declaration); default the program. */
  privateDns?: PrivateDnsManager;
}

/** The description under construction; a node, cluster or edge is added once, at its first mention. */
export class TopologyBuilder {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly clusters = new Map<string, TopologyCluster>();
  private readonly edges = new Map<string, TopologyEdge>();
  /** The summary node standing for each endpoint of a summarised VNet. */
  readonly summarised = new Map<Key, string>();
  /** Summaries whose endpoints reach too many targets to draw them. */
  readonly targetless = new Set<string>();
  /** The lowest finding level whose resources are drawn on their own when not in the picture. */
  flaggedFrom: FindingLevel = "advisory";

  constructor(readonly input: TopologyInput) {}

  /** A resource's name as the program gave it, else the model's label. */
  /** A resource's name: its logical name in the stack, its ARM name outside it (the label would say its kind twice). */
  nameOf(key: Key): string {
    return (
      this.input.graph.byUrn(key)?.name ??
      parseExternalKey(key)?.names.join("/") ??
      this.input.model.label(key)
    );
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** A node added already, to add lines to. */
  nodeOf(id: string): TopologyNode | undefined {
    return this.nodes.get(id);
  }

  /** The drawn node standing for `key`: itself, or the summary of its VNet. */
  drawn(key: Key): string | undefined {
    return this.nodes.has(key) ? key : this.summarised.get(key);
  }

  node(id: string, kind: NodeKind, lines: string[], cluster?: string, tooltip?: string): void {
    if (this.nodes.has(id)) return;
    const urn = this.input.graph.byUrn(id) ? id : undefined;
    const drawnLines = lines.filter((l) => l !== "");
    this.nodes.set(id, {
      id,
      kind,
      lines: drawnLines,
      tooltip: tooltip ?? drawnLines.join(", "),
      cluster,
      urn,
    });
  }

  cluster(
    id: string,
    kind: ClusterKind,
    lines: string[],
    options: { node?: string; parent?: string } = {},
  ): void {
    if (!this.clusters.has(id))
      this.clusters.set(id, { id, kind, lines: lines.filter((l) => l !== ""), ...options });
  }

  edge(from: string, to: string, kind: EdgeKind, label?: string): void {
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, kind, ...(label ? { label } : {}) });
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
    const clusters = [...this.clusters.values()].map((c) => {
      const findings = byUrn.get(c.id);
      return findings ? { ...c, findings } : c;
    });
    for (const [urn, found] of byUrn) {
      if (this.flaggedFrom === "mandatory" && found.level !== "mandatory") continue;
      if (!this.nodes.has(urn) && !this.clusters.has(urn)) {
        const { type, name } = urnParts(urn);
        const what = type.replace(/^azure-native:/, "");
        this.node(urn, "flagged", [name, what], undefined, `${what} ${name}`);
        this.nodes.get(urn)!.urn = urn;
        const workspace = workspaceOf.get(urn);
        if (typeof workspace === "string" && this.nodes.has(workspace)) this.edge(workspace, urn, "holds");
      }
    }
    const nodes = [...this.nodes.values()].map((n) => {
      const findings = n.urn === undefined ? undefined : byUrn.get(n.urn);
      return findings ? { ...n, findings } : n;
    });
    const title = `Network and private DNS${this.input.stack === undefined ? "" : ` of stack ${this.input.stack}`}`;
    return { title, clusters, nodes, edges: [...this.edges.values()] };
  }
}

/** Adds `value` to the list at `key` (in place: copying the list each time is quadratic at scale). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  const inStack = model.zones.has(key);
  b.node(
    key,
    "zone",
    [name, inStack ? "" : "outside the stack"],
    undefined,
    `private DNS zone ${name}${inStack ? "" : " (outside the stack)"}`,
  );
}

/** The group ids of an endpoint's connections, as the endpoint's label shows them. */
function groupIdsOf(e: PrivateEndpoint): string[] {
  return e.connections.flatMap((c) => (c.groupIds === undefined || isUnknown(c.groupIds) ? [] : c.groupIds));
}

/**
 * A resource group's cluster id, from the resource's `resourceGroupName` input when known, else (a resource
 * discovered in an account: no path inputs) from its own ARM id.
 */
function resourceGroupOf(b: TopologyBuilder, key: Key): string | undefined {
  const resource = b.input.graph.byUrn(key);
  const name =
    resource?.inputs.resourceGroupName ??
    (resource?.id === undefined ? undefined : parseArmId(resource.id)?.resourceGroup);
  if (typeof name !== "string") return undefined;
  const id = `resourceGroup/${name}`;
  b.cluster(id, "resourceGroup", [`resource group ${name}`]);
  return id;
}

/** The subnet cluster a resource in `subnet` of `vnet` is drawn in: the subnet's, else the VNet's own. */
function subnetCluster(b: TopologyBuilder, vnet: Key, subnet: unknown): string {
  const found = typeof subnet === "string" ? b.input.model.subnets.get(subnet) : undefined;
  if (!found || found.vnet !== vnet) return vnet;
  const name = b.input.graph.byUrn(found.urn)?.name ?? found.key.split("/subnets/").pop() ?? found.label;
  const prefixes = Array.isArray(found.addressPrefixes) ? found.addressPrefixes.join(", ") : "";
  b.cluster(found.key, "subnet", [`subnet ${name}`, prefixes], { parent: vnet });
  return found.key;
}

/** Endpoints summarised as counts by group id, a few per line. */
function summaryLines(endpoints: readonly PrivateEndpoint[]): string[] {
  const counts = new Map<string, number>();
  for (const e of endpoints) for (const g of groupIdsOf(e)) counts.set(g, (counts.get(g) ?? 0) + 1);
  const entries = [...counts].sort(([a], [b]) => compareText(a, b)).map(([g, n]) => `${n} × ${g}`);
  const lines = [`${endpoints.length} private endpoints (summarised)`];
  for (let i = 0; i < entries.length; i += 4) lines.push(entries.slice(i, i + 4).join(", "));
  return lines;
}

/** The VNets the picture draws: in the stack, holding an endpoint, or linked to a zone. */
function drawnVnets(model: StackModel): Set<Key> {
  const keys = new Set<Key>(model.vnets.keys());
  for (const e of model.endpoints) if (typeof e.vnet === "string") keys.add(e.vnet);
  for (const linked of model.linkedVnetsByZone.values()) for (const v of linked) keys.add(v);
  return keys;
}

/**
 * Every VNet (in the stack, holding an endpoint or a compute, or linked to a zone) in its resource group, with
 * its subnets holding their endpoints (private IPs, group ids) and computes.
 */
const vnets: TopologyPart = (b) => {
  const { model, graph } = b.input;
  const endpointsByVnet = new Map<Key, PrivateEndpoint[]>();
  for (const e of [...model.endpoints].sort(endpointOrder(b))) {
    if (typeof e.vnet === "string") pushTo(endpointsByVnet, e.vnet, e);
  }
  for (const vnet of drawnVnets(model)) {
    const prefixes = model.vnets.get(vnet)?.addressPrefixes;
    const lines = [`VNet ${b.nameOf(vnet)}`, Array.isArray(prefixes) ? prefixes.join(", ") : ""];
    b.cluster(vnet, "vnet", lines, { node: vnet, parent: resourceGroupOf(b, vnet) });
    b.node(vnet, "vnet", lines, vnet, `virtual network ${lines.join(" ")}`);
    const endpoints = endpointsByVnet.get(vnet) ?? [];
    if (endpoints.length > maxDrawnEndpointsPerVnet) {
      const id = `${vnet}/endpoints`;
      const targets = new Set(endpoints.flatMap((e) => e.connections.map((c) => c.target)));
      const targetless = targets.size > maxDrawnEndpointsPerVnet;
      const summary = [
        ...summaryLines(endpoints),
        targetless ? `to ${targets.size} targets (not drawn)` : "",
      ];
      b.node(id, "summary", summary, vnet, `${endpoints.length} private endpoints in ${lines[0]}`);
      if (targetless) b.targetless.add(id);
      for (const e of endpoints) b.summarised.set(e.key, id);
      continue;
    }
    for (const e of endpoints) {
      const ips = [...new Set(endpointDns(graph, e.urn).flatMap((d) => d.ipAddresses))];
      const cluster = subnetCluster(b, vnet, e.subnet);
      const name = b.nameOf(e.key);
      const groups = groupIdsOf(e).join(", ");
      b.node(
        e.key,
        "endpoint",
        [name, ips.join(", "), groups && `→ ${groups}`],
        cluster,
        `private endpoint ${name} in ${lines[0]}${ips.length ? `, private IP ${ips.join(", ")}` : ""}${groups && `, for ${groups}`}`,
      );
    }
  }
  for (const e of model.endpoints.filter((x) => typeof x.vnet !== "string")) {
    b.node(e.key, "endpoint", [b.nameOf(e.key), "VNet not known"]);
  }
};

/** One order of endpoints everywhere: by group ids, then name. */
function endpointOrder(b: TopologyBuilder): (x: PrivateEndpoint, y: PrivateEndpoint) => number {
  const keys = new Map<Key, string>();
  const sortKey = (e: PrivateEndpoint) => {
    let key = keys.get(e.key);
    if (key === undefined) keys.set(e.key, (key = `${groupIdsOf(e).join(",")}\u0000${b.nameOf(e.key)}`));
    return key;
  };
  return (x, y) => compareText(sortKey(x), sortKey(y));
}

/** Computes and AKS clusters in their subnets (a compute of a managed network is drawn in it instead). */
const computes: TopologyPart = (b) => {
  const { model } = b.input;
  for (const c of model.computes) {
    if (typeof c.vnet !== "string" || !b.has(c.vnet)) continue;
    const type = typeof c.computeType === "string" ? c.computeType : "compute";
    const name = b.nameOf(c.key);
    b.node(c.key, "compute", [name, type], subnetCluster(b, c.vnet, c.subnet), `${type} ${name} (compute)`);
  }
  for (const c of model.clusters.values()) {
    if (typeof c.vnet !== "string" || !b.has(c.vnet)) continue;
    const name = b.nameOf(c.key);
    b.node(
      c.key,
      "compute",
      [name, "AKS cluster"],
      subnetCluster(b, c.vnet, c.subnet),
      `AKS cluster ${name}`,
    );
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
    const name = b.nameOf(m.key);
    b.node(m.key, "managedEndpoint", [name], title, `managed private endpoint ${name} in the ${title}`);
  }
};

/** How each outbound rule type is drawn: private endpoint rules one by one (tied to their targets), others as one list. */
const listedRuleTypes = new Set(["FQDN", "ServiceTag"]);

/**
 * One cluster per workspace managed network: the managed VNet itself (a node, reached from its workspace), the
 * workspace's computes (Azure puts them there), and its outbound rules grouped by type: private endpoint rules
 * one by one, tied to their targets; FQDN and service tag rules one list each.
 */
const workspaceManagedNetworks: TopologyPart = (b) => {
  const { model } = b.input;
  for (const table of managedNetworkTables(b.input.graph)) {
    const id = `${table.urn}/managedNetwork`;
    const lines = [
      `managed VNet of ML ${workspaceNoun(model.workspacesByKey.get(table.urn)?.workspaceKind)} ${table.workspace}`,
      [table.isolationMode, table.firewallSku && `firewall ${table.firewallSku}`].filter(Boolean).join(", "),
    ];
    b.cluster(id, "managedVnet", lines, { node: id });
    b.node(id, "vnet", lines, id, `${lines[0]} (Microsoft-managed), ${lines[1]}`);
    b.edge(table.urn, id, "holds");
    for (const c of model.computes.filter((x) => x.workspace === table.urn && typeof x.subnet !== "string")) {
      const type = typeof c.computeType === "string" ? c.computeType : "compute";
      const name = b.nameOf(c.key);
      b.node(c.key, "compute", [name, type], id, `${type} ${name} in the ${lines[0]}`);
    }
    const targets = new Map(
      (model.outboundRulesByWorkspace.get(table.urn) ?? []).map((r) => [r.name, r.privateEndpoint?.target]),
    );
    const byType = new Map<string, typeof table.rules>();
    for (const rule of table.rules) pushTo(byType, rule.type, rule);
    for (const [type, rules] of byType) {
      const group = `${id}/rules/${type}`;
      b.cluster(group, "ruleGroup", [`${type} outbound rules (${rules.length})`], { parent: id });
      if (listedRuleTypes.has(type)) {
        b.node(
          `${group}/list`,
          "outboundRule",
          rules.map((r) => `${r.destination} (${r.madeBy === "user" ? r.name : "by Azure"})`),
          group,
          `${type} outbound rules of the ${lines[0]}: ${rules.map((r) => r.destination).join(", ")}`,
        );
        continue;
      }
      for (const rule of rules) {
        const ruleId = `${id}/${rule.name}`;
        b.node(
          ruleId,
          "outboundRule",
          [rule.name, rule.destination, `by ${rule.madeBy}`],
          group,
          `${type} outbound rule ${rule.name} to ${rule.destination}, made by ${rule.madeBy}`,
        );
        const target = targets.get(rule.name);
        if (typeof target === "string") {
          serviceNode(b, target);
          b.edge(ruleId, target, "connects");
        }
      }
    }
  }
};

/** What a workspace of this kind is called ("hub", "feature store", "workspace"). */
function workspaceNoun(kind: Maybe<string>): string {
  const traits = workspaceKindTraits(kind);
  return isUnknown(traits) ? "workspace" : (traits?.noun ?? "workspace");
}

/** Workspaces and the services they use. */
const workspaces: TopologyPart = (b) => {
  for (const w of b.input.model.workspaces) {
    const name = b.nameOf(w.key);
    const noun = workspaceNoun(w.workspaceKind);
    b.node(w.key, "workspace", [`ML ${noun} ${name}`], undefined, `Azure Machine Learning ${noun} ${name}`);
    for (const dep of [w.storageAccount, w.keyVault, w.containerRegistry]) {
      if (typeof dep !== "string") continue;
      serviceNode(b, dep);
      b.edge(w.key, dep, "uses");
    }
  }
};

/**
 * Hub-based projects, each held by its hub: a project has no network of its own (it uses the hub's endpoints,
 * managed network and dependencies), so it is drawn next to the hub, not in any VNet.
 */
const projects: TopologyPart = (b) => {
  for (const p of b.input.model.projects) {
    const name = b.nameOf(p.key);
    const hub = typeof p.hub === "string" && b.has(p.hub) ? p.hub : undefined;
    const lines = [`ML project ${name}`, hub ? "uses its hub's network" : "hub not in this stack"];
    b.node(p.key, "workspace", lines, undefined, `Azure Machine Learning project ${name}`);
    if (hub) b.edge(hub, p.key, "holds");
  }
};

const isDisabled = (v: unknown) => typeof v === "string" && v.toLowerCase() === "disabled";
const isEnabled = (v: unknown) => typeof v === "string" && v.toLowerCase() === "enabled";

/**
 * What the internet reaches: a workspace with public access (limited to selected IPs or not), an online
 * endpoint whose public ingress is on (Azure's default), a service with public access enabled.
 */
const exposure: TopologyPart = (b) => {
  const { model } = b.input;
  const internet = "internet";
  const expose = (key: Key, label: string) => {
    b.node(internet, "internet", ["Internet"], undefined, "the public internet");
    b.edge(internet, key, "exposed", label);
  };
  for (const w of model.workspaces) {
    if (!isEnabled(w.publicNetworkAccess)) continue;
    const ips = Array.isArray(w.ipRules) ? w.ipRules : [];
    const selected = ips.length > 0 && isDisabled(w.ipDefaultAction) === false;
    expose(w.key, selected ? `selected IPs ${ips.join(", ")}` : "public access");
  }
  for (const o of model.onlineEndpoints) {
    if (isDisabled(o.publicNetworkAccess)) continue;
    const name = b.nameOf(o.key);
    b.node(o.key, "flagged", [name, "online endpoint"], undefined, `managed online endpoint ${name}`);
    if (typeof o.workspace === "string" && b.has(o.workspace)) b.edge(o.workspace, o.key, "holds");
    expose(o.key, "public ingress");
  }
  for (const s of model.services.values()) {
    if (isEnabled(s.publicNetworkAccess) && b.has(s.key)) expose(s.key, "public access");
  }
};

/** Each endpoint's connections to its targets and the zones its zone groups write into. */
const endpointEdges: TopologyPart = (b) => {
  const { model } = b.input;
  for (const e of model.endpoints) {
    const from = b.drawn(e.key);
    if (from === undefined) continue;
    for (const c of e.connections) {
      // A summarised VNet's endpoints reach their targets through the summary, unless too many to draw.
      if (typeof c.target !== "string" || b.targetless.has(from)) continue;
      serviceNode(b, c.target);
      b.edge(from, c.target, "connects");
    }
    for (const group of model.zoneGroupsByEndpoint.get(e.key) ?? []) {
      for (const zone of group.zones) {
        zoneNode(b, zone.key, zone.zoneName);
        b.edge(from, zone.key, "writes");
      }
    }
  }
  for (const m of model.managedEndpoints) {
    if (typeof m.target !== "string") continue;
    serviceNode(b, m.target);
    b.edge(m.key, m.target, "connects", typeof m.groupId === "string" ? m.groupId : "");
  }
};

/** Every zone (by name, one order everywhere), and its links to VNets. */
const zoneLinks: TopologyPart = (b) => {
  const { model } = b.input;
  const zones = [...model.zones.values()].sort((x, y) => compareText(String(x.zoneName), String(y.zoneName)));
  for (const zone of zones) zoneNode(b, zone.key, zone.zoneName);
  for (const [zone, linked] of model.linkedVnetsByZone) {
    zoneNode(b, zone, undefined);
    // Drawn from the VNet, so the VNet's cluster stays left of the zones its endpoints write into.
    for (const vnet of linked) b.edge(vnet, zone, "linked");
  }
};

/** Who writes the records when the program writes no zone groups (a landing zone's Azure Policy, custom DNS). */
const dnsWriters: Partial<Record<PrivateDnsManager, string[]>> = {
  "azure-policy": [
    "Private DNS records: written by Azure Policy",
    "(DeployIfNotExists) into the landing zone's",
    "central private DNS zones after deployment;",
    "no zone groups or zones in this stack",
  ],
  "custom-dns": [
    "Private DNS records: created on the custom",
    "DNS server (outside this stack) from each",
    "endpoint's FQDN and private IP",
  ],
};

/** A note on the VNets whose endpoints write no zone group, saying who writes their records instead. */
const dnsWriterNote: TopologyPart = (b) => {
  const { model } = b.input;
  const lines = dnsWriters[b.input.privateDns ?? "program"];
  if (!lines) return;
  const id = "dns-records";
  for (const e of model.endpoints) {
    if ((model.zoneGroupsByEndpoint.get(e.key) ?? []).length > 0 || typeof e.vnet !== "string") continue;
    b.node(id, "note", lines, undefined, lines.join(" "));
    b.edge(id, e.vnet, "notes");
  }
};

/** What a DNS host does, beside its label (which already names its kind: "resolver inbound endpoint 'x'"). */
const dnsHostWords: Record<DnsHostKind, string> = {
  resolverInbound: "DNS",
  firewall: "DNS proxy",
  vm: "DNS server",
  forwarder: "DNS forwarder",
};

/** The mark of a path that is not ok, on the VNet or peering it concerns. */
const verdictMarks: Record<Exclude<Verdict, "ok">, string> = { broken: findingMarks.mandatory, unknown: "?" };

/** A VNet drawn where a peering or DNS path leads, outside the stack when the model has no such VNet. */
function peerNode(b: TopologyBuilder, vnet: Key): void {
  if (b.has(vnet)) return;
  b.node(vnet, "vnet", [`VNet ${b.nameOf(vnet)}`, "outside the stack"], undefined, b.input.model.label(vnet));
}

/**
 * What the resolution model knows: peerings between VNets (a pair once; both ways drawn as one line, anything
 * less as broken with the reason), and each VNet's DNS path — the DNS servers its queries go to (resolver
 * inbound endpoint, firewall DNS proxy, VM, or a server outside the stack) and its forwarding rulesets. A VNet
 * on Azure DNS resolves through the zones linked to it (the `linked` edges); its node says which way it is.
 */
const network: TopologyPart = (b) => {
  const graph = b.input.model.network;
  const pairs = new Set<string>();
  for (const p of graph.input.peerings) {
    if (typeof p.from !== "string" || typeof p.to !== "string") continue;
    const pair = [p.from, p.to].sort().join("\u0000");
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    peerNode(b, p.from);
    peerNode(b, p.to);
    const reach = graph.connected(p.from, p.to);
    if (reach.verdict === "ok") b.edge(p.from, p.to, "peered");
    else b.edge(p.from, p.to, "peeringBroken", `${verdictMarks[reach.verdict]} ${reach.route}`);
  }
  for (const [vnet, v] of graph.vnets) {
    // A described hub's own DNS settings are the platform's, not described.
    if (!b.has(vnet) || graph.isDescribed(vnet)) continue;
    const servers = Array.isArray(v.dnsServers) ? v.dnsServers : [];
    const resolver = resolverOf(graph, vnet);
    const node = b.nodeOf(vnet)!;
    // The verdict is said in the VNet's own label, which no edge crosses; the reason, a sentence, in its
    // tooltip (an edge label that long was crossed by other edges and widened the picture past the page).
    const verdict =
      resolver.verdict === "ok" ? "" : ` (${verdictMarks[resolver.verdict]} ${resolver.verdict})`;
    // 168.63.129.16 is the VNet's own Azure DNS (policy/azure/azureDnsIp.ts): said in its line, not a node.
    const named = servers.map((ip) => (ip === azureDnsIp ? `${ip} (Azure DNS + linked zones)` : ip));
    node.lines.push(servers.length ? `DNS: ${named.join(", ")}${verdict}` : "DNS: Azure DNS + linked zones");
    node.tooltip += `. DNS: ${describePath(resolver)}`;
    for (const ip of servers) {
      if (ip === azureDnsIp) continue;
      const host = dnsHostOf(graph, vnet, ip);
      const id = host?.key ?? `dns-server/${ip}`;
      if (host) {
        const cluster = typeof host.vnet === "string" && b.has(host.vnet) ? host.vnet : undefined;
        b.node(id, "dnsServer", [host.label, `${dnsHostWords[host.kind]} ${ip}`], cluster);
      } else {
        b.node(id, "dnsServer", [`DNS server ${ip}`, "outside the stack"]);
      }
      b.edge(vnet, id, "dns");
    }
    for (const ruleset of resolver.rulesets) {
      const r = graph.rulesets.get(ruleset);
      const cluster = typeof r?.vnet === "string" && b.has(r.vnet) ? r.vnet : undefined;
      b.node(ruleset, "dnsServer", [r?.label ?? b.nameOf(ruleset), "DNS forwarding ruleset"], cluster);
      b.edge(vnet, ruleset, "dns");
    }
  }
};

/**
 * Routes through a hub firewall or NVA (model/transitPaths.ts): one edge from the asking VNet to the VNet holding
 * the endpoints, labelled "through <appliance>", and the appliance drawn in its hub. One edge, not a chain through
 * the appliance's node: a chain across the hub's cluster adds a rank, which widens Mermaid's picture by half.
 */
const transit: TopologyPart = (b) => {
  const graph = b.input.model.network;
  for (const { through } of transitPaths(b.input.model)) {
    const host = graph.hosts.get(through.appliance);
    const label = host?.label ?? b.nameOf(through.appliance);
    const ip = typeof host?.ip === "string" ? host.ip : "IP not known at preview";
    b.node(
      through.appliance,
      "appliance",
      [label, `forwards routed traffic, ${ip}`],
      b.has(through.hub) ? through.hub : undefined,
    );
    b.edge(through.from, through.to, "routed", `through ${label}`);
  }
};

/** A client VNet (model/clientVnets.ts) says whose clients it holds, and why it counts as theirs. */
const clientVnets: TopologyPart = (b) => {
  const { model } = b.input;
  const clients = ClientVnets.of(model);
  for (const workspace of model.workspaces)
    for (const { vnet, why } of clients.of(workspace)) {
      const node = b.nodeOf(vnet);
      if (!node) continue;
      node.lines.push(`clients of ${b.nameOf(workspace.key)}`);
      node.tooltip += `. A client VNet of ${workspace.label} (${why})`;
    }
};

/**
 * The hubs the platform describes (`platform-network`) and the stack does not hold: each one group — the hub
 * VNet, its DNS servers and firewalls, the zones linked to it — marked as the platform's, not as scattered
 * "outside the stack" boxes.
 */
const platformHubs: TopologyPart = (b) => {
  const graph = b.input.model.network;
  const hostsByVnet = new Map<Key, DnsHost[]>();
  for (const host of graph.hosts.values())
    if (host.platform !== undefined && typeof host.vnet === "string") pushTo(hostsByVnet, host.vnet, host);
  for (const { hub, key } of b.input.model.platformHubs) {
    if (!graph.isDescribed(key)) continue;
    const lines = [
      `hub VNet ${parseArmId(hub.virtualNetworkId)?.name ?? key}`,
      hub.addressSpace.join(", "),
      `the platform's: ${hub.name}`,
    ];
    b.cluster(key, "vnet", lines, { node: key });
    b.node(
      key,
      "vnet",
      lines,
      key,
      `virtual network ${lines.join(" ")} (described by platform-network, not in this stack)`,
    );
    for (const host of hostsByVnet.get(key) ?? [])
      b.node(host.key, "dnsServer", [host.label, typeof host.ip === "string" ? host.ip : ""], key);
    for (const link of graph.linksByVnet.get(key) ?? []) {
      const zone = typeof link.zone === "string" ? graph.zones.get(link.zone) : undefined;
      if (!zone) continue;
      const name = typeof zone.name === "string" ? zone.name : zone.label;
      b.node(
        zone.key,
        "zone",
        [name, "the platform's"],
        key,
        `private DNS zone ${name} (the platform's, linked to hub '${hub.name}')`,
      );
    }
  }
};

/** The parts, in drawing order. */
export const topologyParts: readonly TopologyPart[] = [
  vnets,
  platformHubs,
  computes,
  managedVnets,
  workspaceManagedNetworks,
  workspaces,
  projects,
  exposure,
  endpointEdges,
  zoneLinks,
  network,
  transit,
  clientVnets,
  dnsWriterNote,
];

/**
 * Beyond this many VNets the picture is one summary of the network (counts), with the resources that have a
 * finding drawn on their own: as for the endpoints of one VNet, Graphviz's layout of hundreds of clusters takes
 * minutes and is read by nobody. The tables keep every VNet.
 */
export const maxDrawnVnets = 60;

/**
 * The network in counts, the picture of a stack or estate with more than {@link maxDrawnVnets} VNets: what
 * blocks (mandatory findings) drawn on its own, advisories counted (the findings list them).
 */
function networkSummary(b: TopologyBuilder, vnetCount: number): void {
  const { model } = b.input;
  b.flaggedFrom = "mandatory";
  const counted = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}`;
  b.node(
    "summary/network",
    "summary",
    [
      `${counted(vnetCount, "VNets")} (summarised: every VNet is in the tables)`,
      `${counted(model.endpoints.length, "private endpoints")}, ${counted(model.zones.size, "private DNS zones")}`,
      `${counted(model.workspaces.length, "workspaces")}, ${counted(model.computes.length, "computes")}`,
      "resources with a mandatory finding are drawn on their own",
    ],
    undefined,
    `the network of ${counted(vnetCount, "VNets")}, summarised`,
  );
}

export function topology(input: TopologyInput): Topology {
  const builder = new TopologyBuilder(input);
  const vnetCount = drawnVnets(input.model).size;
  if (vnetCount > maxDrawnVnets) networkSummary(builder, vnetCount);
  else for (const part of topologyParts) part(builder);
  return builder.build();
}
