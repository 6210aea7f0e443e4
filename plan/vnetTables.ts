/**
 * One table per VNet: its private endpoints with target, group ids, the private IPs and FQDNs Azure
 * registers (the fake's `customDnsConfigs`), the zones the endpoint's zone groups write into, and
 * whether each zone is linked to this VNet. Everything but the DNS configs comes from the pack's model.
 */
import type { Key, PrivateEndpoint, StackModel } from "../policy/model/types";
import { isUnknown } from "../policy/model/values";
import type { PrivateDnsManager } from "../policy/model/privateDnsDeclaration";
import type { RecordedGraph } from "./mockRun";
import { compareText } from "./topologyText";
import { resolutionRows, type ResolutionRow } from "./resolutionTable";
import { resolverOf } from "../policy/model/resolution";
import { ClientVnets } from "../policy/model/clientVnets";

export interface DnsRecord {
  fqdn: string;
  ipAddresses: string[];
}

export interface ZoneCell {
  zone: string;
  /**
   * Whether the zone is linked to the table's VNet: "unknown" when a link's ends are unknown (preview),
   * "external" for a zone outside the stack that the stack links nowhere (its links are managed elsewhere), "n/a"
   * when the VNet resolves through DNS servers in another VNet, whose links answer instead of its own.
   */
  linked: boolean | "unknown" | "external" | "n/a";
}

export interface EndpointRow {
  endpoint: string;
  urn: string;
  /** What the endpoint connects to (one entry per connection). */
  targets: string[];
  groupIds: string[];
  /** Distinct private IPs, in the order Azure handed them out. */
  privateIps: string[];
  dns: DnsRecord[];
  zones: ZoneCell[];
}

export interface VnetTable {
  vnet: string;
  /**
   * Who writes the private DNS records of endpoints without zone groups, and where, when the program does not
   * (a landing zone's Azure Policy, a custom DNS server); undefined when the program writes zone groups.
   */
  dnsRecordsBy?: string;
  /** The VNet's URN when it is in the stack. */
  urn?: string;
  addressPrefixes: string[];
  rows: EndpointRow[];
  /** How each name its workspaces need resolves from this VNet (in-stack VNets). */
  resolution: ResolutionRow[];
  /** Whose client VNet it is and why (model/clientVnets.ts), e.g. "ML workspace 'mlw' (peered with VNet 'x')". */
  clientOf?: string[];
}

/** Label of the table for endpoints whose subnet is not known (an unknown id at preview). */
export const unknownVnet = "VNet not known at preview";

/** The FQDNs and private IPs Azure registered for an endpoint (empty until it exists). */
export function endpointDns(graph: RecordedGraph, urn: string): DnsRecord[] {
  const configs = graph.byUrn(urn)?.outputs.customDnsConfigs;
  if (!Array.isArray(configs)) return [];
  return configs.map((c: { fqdn?: unknown; ipAddresses?: unknown }) => ({
    fqdn: String(c.fqdn),
    ipAddresses: Array.isArray(c.ipAddresses) ? c.ipAddresses.map(String) : [],
  }));
}

const resolvedLinks = new WeakMap<StackModel, boolean>();

/** Whether every zone link's ends are known (computed once per model: the tables ask per endpoint). */
function linksResolvedOf(model: StackModel): boolean {
  let resolved = resolvedLinks.get(model);
  if (resolved === undefined) {
    resolved = model.links.every((l) => typeof l.zone === "string" && typeof l.vnet === "string");
    resolvedLinks.set(model, resolved);
  }
  return resolved;
}

/**
 * Whether a VNet's queries go to DNS servers in other VNets (a hub's resolver, a firewall's DNS proxy), whose
 * linked zones answer: "A VNet using custom DNS servers does not get its own linked zones (unless the server is in
 * that VNet)" (../shared/reference/azure-dns-resolution-facts.md; how-to-custom-dns: "records listed in Private
 * DNS Zones are only returned to devices resolving domains using the default Azure DNS Virtual Server IP address").
 */
function resolvesElsewhere(model: StackModel, vnet: Key): boolean {
  const resolver = resolverOf(model.network, vnet);
  return resolver.verdict === "ok" && !resolver.resolvingVnets.includes(vnet);
}

function row(
  model: StackModel,
  graph: RecordedGraph,
  endpoint: PrivateEndpoint,
  vnet: Key | undefined,
  elsewhere: boolean,
): EndpointRow {
  const linksResolved = linksResolvedOf(model);
  const dns = endpointDns(graph, endpoint.urn);
  const zones = (model.zoneGroupsByEndpoint.get(endpoint.key) ?? []).flatMap((group) =>
    group.zones.map((zone): ZoneCell => {
      const name = typeof zone.zoneName === "string" ? zone.zoneName : model.label(zone.key);
      const links = model.linkedVnetsByZone.get(zone.key);
      if (!model.zones.has(zone.key) && !links) return { zone: name, linked: "external" };
      const linked = vnet !== undefined && (links?.has(vnet) ?? false);
      if (!linked && elsewhere) return { zone: name, linked: "n/a" };
      return { zone: name, linked: linked || (linksResolved && vnet !== undefined) ? linked : "unknown" };
    }),
  );
  return {
    endpoint: graph.byUrn(endpoint.urn)?.name ?? endpoint.label,
    urn: endpoint.urn,
    targets: endpoint.connections.map((c) =>
      typeof c.target === "string" ? model.label(c.target) : "unknown",
    ),
    groupIds: endpoint.connections.flatMap((c) =>
      c.groupIds === undefined || isUnknown(c.groupIds) ? [] : c.groupIds,
    ),
    privateIps: [...new Set(dns.flatMap((d) => d.ipAddresses))],
    dns,
    zones,
  };
}

/** Who writes the records when the program writes no zone groups. */
export const dnsRecordWriters: Partial<Record<PrivateDnsManager, string>> = {
  "azure-policy":
    "Azure Policy (DeployIfNotExists) writes each endpoint's zone group into the landing zone's central private DNS zones after deployment",
  "custom-dns":
    "the custom DNS server (outside this stack) holds the records, made from each endpoint's FQDN and IP",
};

/** One order of endpoints in every VNet: by group ids, then name. */
function byGroupThenName(a: EndpointRow, b: EndpointRow): number {
  return compareText(a.groupIds.join(","), b.groupIds.join(",")) || compareText(a.endpoint, b.endpoint);
}

export function vnetTables(
  model: StackModel,
  graph: RecordedGraph,
  privateDns: PrivateDnsManager = "program",
): VnetTable[] {
  const tables = new Map<Key | undefined, VnetTable>();
  const clientOf = new Map<Key, string[]>();
  const clients = ClientVnets.of(model);
  for (const workspace of model.workspaces)
    for (const { vnet, why } of clients.of(workspace))
      clientOf.set(vnet, [...(clientOf.get(vnet) ?? []), `${workspace.label} (${why})`]);
  for (const vnet of model.vnets.values()) {
    const prefixes = vnet.addressPrefixes;
    const of = clientOf.get(vnet.key);
    tables.set(vnet.key, {
      vnet: graph.byUrn(vnet.urn)?.name ?? vnet.label,
      urn: vnet.urn,
      addressPrefixes: Array.isArray(prefixes) ? prefixes : [],
      rows: [],
      resolution: resolutionRows(model, vnet.key),
      ...(of ? { clientOf: of } : {}),
    });
  }
  const elsewhere = new Map<Key, boolean>();
  for (const endpoint of model.endpoints) {
    const vnet = typeof endpoint.vnet === "string" ? endpoint.vnet : undefined;
    if (vnet !== undefined && !elsewhere.has(vnet)) elsewhere.set(vnet, resolvesElsewhere(model, vnet));
    let table = tables.get(vnet);
    if (!table) {
      table = {
        vnet: vnet === undefined ? unknownVnet : model.label(vnet),
        addressPrefixes: [],
        rows: [],
        resolution: vnet === undefined ? [] : resolutionRows(model, vnet),
      };
      tables.set(vnet, table);
    }
    table.rows.push(row(model, graph, endpoint, vnet, vnet !== undefined && elsewhere.get(vnet) === true));
  }
  const writer = dnsRecordWriters[privateDns];
  for (const table of tables.values()) {
    table.rows.sort(byGroupThenName);
    if (writer && table.rows.some((r) => r.zones.length === 0)) table.dnsRecordsBy = writer;
  }
  return [...tables.values()];
}
