/**
 * The platform network, described once: the hubs a platform team runs in another stack (VNet, address space,
 * DNS servers, firewalls, the private DNS zones linked to the hub), given as the `platform-network` policy's
 * config or as a component's `platformHub` argument. The description enters the one network graph as plain
 * data, so a spoke stack alone is judged as fully as a stack holding its hub: its peering names the hub, its DNS
 * servers are hosts the platform runs, and its names are answered by the zones the platform links there.
 */
import { isArmIdOfType, parseArmId, ArmTypes } from "../azure/armId";
import { contains, overlaps, parseCidr, type Cidr } from "../azure/cidr";
import { armIdentityOfId, externalKey } from "./identity";
import {
  DnsHostKinds,
  type DnsHost,
  type GraphVnet,
  type GraphZone,
  type GraphZoneLink,
  type NetworkGraphInput,
} from "./networkGraph";
import type { Key } from "./types";

/** What a DNS server of the hub is, and so how it answers. */
export const PlatformDnsKinds = {
  /** A DNS Private Resolver inbound endpoint: asks Azure DNS from the hub VNet. */
  resolverInbound: "resolverInbound",
  /** An Azure Firewall with DNS proxy on: forwards to its policy's DNS servers, else Azure DNS from the hub. */
  firewallProxy: "firewallProxy",
  /** A DNS server VM or appliance: forwards to `forwardsTo` when given, else somewhere not described. */
  forwarder: "forwarder",
} as const;
/** The type shares the object's name, so the multi-language schema publishes it as an enum. */
export type PlatformDnsKinds = (typeof PlatformDnsKinds)[keyof typeof PlatformDnsKinds];
export type PlatformDnsKind = PlatformDnsKinds;

/** A DNS server the platform runs in a hub. */
export interface PlatformDnsServer {
  /** Its private IP, inside the hub's address space. */
  ip: string;
  kind: PlatformDnsKinds;
  /** firewallProxy and forwarder: the servers it forwards to; left out: Azure DNS (firewallProxy), not described (forwarder). */
  forwardsTo?: string[];
}

/** An Azure Firewall of a hub (a named type: the multi-language schema takes no anonymous object). */
export interface PlatformFirewall {
  /** Its private IP, inside the hub's address space. */
  ip: string;
}

/**
 * A hub VNet the platform team runs in its own stack, as a spoke's program or the policy pack needs to know it.
 * The same shape is the `platform-network` policy's `hubs[]` entry and the components' `platformHub` argument.
 */
export interface PlatformHub {
  /** A name for messages, e.g. `contoso-hub-weu`. */
  name: string;
  /** The hub VNet's ARM id. */
  virtualNetworkId: string;
  /** The hub VNet's address prefixes. */
  addressSpace: string[];
  /** The DNS servers the hub runs (the IPs spokes name as their VNet DNS servers). */
  dnsServers?: PlatformDnsServer[];
  /** The hub's Azure Firewalls (their private IPs). */
  firewalls?: PlatformFirewall[];
  /** The private DNS zones linked to the hub VNet (where its resolvers ask Azure DNS). */
  privateDnsZoneIds?: string[];
}

/** The `platform-network` policy's config. */
export interface PlatformNetwork {
  hubs: PlatformHub[];
}

/** Where a description entry came from, so a message names the key to change. */
export type PlatformSource = "config" | "argument";

/** The path of a hub's property in words: the config key, or the component argument. */
export function hubPath(index: number, source: PlatformSource = "config"): string {
  return source === "config" ? `platform-network.hubs[${index}]` : "platformHub";
}

/** A mistake in a description: the property, its value and what is wrong with it (with the fix). */
export interface PlatformProblem {
  property: string;
  value: unknown;
  reason: string;
}

function cidrsOf(hub: PlatformHub): Cidr[] {
  return (hub.addressSpace ?? []).map(parseCidr).filter((c): c is Cidr => c !== undefined);
}

/** Whether an IP lies in one of the ranges. */
export function inRanges(ip: string, ranges: readonly Cidr[]): boolean {
  const single = parseCidr(`${ip}/32`);
  return single !== undefined && ranges.some((r) => contains(r, single));
}

/** Mistakes of one hub entry, before anything is judged with it. */
export function hubProblems(hub: PlatformHub, path: string): PlatformProblem[] {
  const problems: PlatformProblem[] = [];
  const add = (property: string, value: unknown, reason: string) =>
    problems.push({ property: `${path}.${property}`, value, reason });
  if (
    typeof hub.virtualNetworkId !== "string" ||
    !isArmIdOfType(hub.virtualNetworkId, ArmTypes.virtualNetwork)
  )
    add(
      "virtualNetworkId",
      hub.virtualNetworkId,
      "is not a VNet's ARM id: give /subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/<hub>",
    );
  const addressSpace = Array.isArray(hub.addressSpace) ? hub.addressSpace : [];
  if (addressSpace.length === 0)
    add(
      "addressSpace",
      hub.addressSpace,
      'is required: the hub VNet\'s address prefixes, e.g. ["10.0.0.0/16"]',
    );
  addressSpace.forEach((text, i) => {
    if (parseCidr(String(text)) === undefined)
      add(`addressSpace[${i}]`, text, "is not an IPv4 CIDR with its host bits clear, e.g. 10.0.0.0/16");
  });
  const ranges = cidrsOf(hub);
  const hosts = [
    ...(hub.dnsServers ?? []).map((s, i) => ({ at: `dnsServers[${i}].ip`, ip: s.ip })),
    ...(hub.firewalls ?? []).map((f, i) => ({ at: `firewalls[${i}].ip`, ip: f.ip })),
  ];
  for (const { at, ip } of hosts)
    if (typeof ip !== "string" || parseCidr(`${ip}/32`) === undefined) add(at, ip, "is not an IPv4 address");
    else if (ranges.length > 0 && !inRanges(ip, ranges))
      add(
        at,
        ip,
        `is outside the hub's addressSpace (${ranges.map((r) => r.text).join(", ")}): give the IP it holds in the hub VNet`,
      );
  (hub.dnsServers ?? []).forEach((s, i) => {
    if (!Object.values(PlatformDnsKinds).includes(s.kind))
      add(`dnsServers[${i}].kind`, s.kind, `is not one of ${Object.values(PlatformDnsKinds).join(", ")}`);
  });
  (hub.privateDnsZoneIds ?? []).forEach((id, i) => {
    if (typeof id !== "string" || !isArmIdOfType(id, ArmTypes.privateDnsZone))
      add(
        `privateDnsZoneIds[${i}]`,
        id,
        "is not a private DNS zone's ARM id: give /subscriptions/…/providers/Microsoft.Network/privateDnsZones/<zone name>",
      );
  });
  return problems;
}

/** Mistakes of a whole description: each hub's, and hubs that are one VNet or overlap. */
export function platformProblems(platform: Partial<PlatformNetwork>): PlatformProblem[] {
  const hubs = Array.isArray(platform.hubs) ? platform.hubs : [];
  const problems = hubs.flatMap((hub, i) => hubProblems(hub, hubPath(i)));
  const seen = new Map<string, number>();
  hubs.forEach((hub, i) => {
    const identity =
      typeof hub.virtualNetworkId === "string" ? armIdentityOfId(hub.virtualNetworkId) : undefined;
    if (identity === undefined) return;
    const first = seen.get(identity);
    if (first !== undefined)
      problems.push({
        property: `${hubPath(i)}.virtualNetworkId`,
        value: hub.virtualNetworkId,
        reason: `names the VNet ${hubPath(first)} already describes: describe each hub once`,
      });
    else seen.set(identity, i);
  });
  return problems;
}

/** The hubs whose entries can be used (a broken entry is reported, not guessed at). */
export function usableHubs(platform: Partial<PlatformNetwork> | undefined): PlatformHub[] {
  const hubs = Array.isArray(platform?.hubs) ? platform.hubs : [];
  return hubs.filter((hub, i) => hubProblems(hub, hubPath(i)).length === 0);
}

/** The graph key of a resource the platform names by ARM id (its in-stack key when the stack holds it). */
export type KeyOfId = (id: string) => Key | undefined;

export const externalKeyOfId: KeyOfId = (id) => {
  const identity = armIdentityOfId(id);
  return identity === undefined ? undefined : externalKey(identity);
};

/** Words that say a graph item comes from the description. */
function described(hub: PlatformHub): string {
  return `described by the platform as hub '${hub.name}'`;
}

/** The hub VNet's label in messages. */
export function platformVnetLabel(hub: PlatformHub): string {
  return `hub VNet '${parseArmId(hub.virtualNetworkId)?.name ?? hub.virtualNetworkId}' (${described(hub)})`;
}

const hostKinds: Readonly<Record<PlatformDnsKind, DnsHost["kind"]>> = {
  [PlatformDnsKinds.resolverInbound]: DnsHostKinds.resolverInbound,
  [PlatformDnsKinds.firewallProxy]: DnsHostKinds.firewall,
  [PlatformDnsKinds.forwarder]: DnsHostKinds.forwarder,
};

const hostLabels: Readonly<Record<PlatformDnsKind, string>> = {
  [PlatformDnsKinds.resolverInbound]: "DNS Private Resolver inbound endpoint",
  [PlatformDnsKinds.firewallProxy]: "Azure Firewall DNS proxy",
  [PlatformDnsKinds.forwarder]: "DNS forwarder",
};

/** The graph items of the described hubs: VNets, DNS hosts, zones and the zones' links to the hubs. */
export function platformGraphInput(
  hubs: readonly PlatformHub[],
  keyOfId: KeyOfId = externalKeyOfId,
): Pick<NetworkGraphInput, "vnets" | "dnsHosts" | "zones" | "links"> {
  const vnets: GraphVnet[] = [];
  const dnsHosts: DnsHost[] = [];
  const zones: GraphZone[] = [];
  const links: GraphZoneLink[] = [];
  for (const hub of hubs) {
    const vnet = keyOfId(hub.virtualNetworkId);
    if (vnet === undefined) continue;
    vnets.push({
      key: vnet,
      label: platformVnetLabel(hub),
      addressPrefixes: [...hub.addressSpace],
      dnsServers: undefined,
      platform: hub.name,
    });
    for (const server of hub.dnsServers ?? []) {
      const kind = hostKinds[server.kind];
      dnsHosts.push({
        key: `${vnet}#dns:${server.ip}`,
        label: `the platform's ${hostLabels[server.kind]}`,
        kind,
        ip: server.ip,
        vnet,
        platform: hub.name,
        ...(kind === DnsHostKinds.resolverInbound ? {} : { dnsProxy: true, forwardsTo: server.forwardsTo }),
      });
    }
    // A firewall not listed as a DNS server answers no DNS query (DNS proxy is off unless the platform says so).
    for (const firewall of hub.firewalls ?? [])
      if (!(hub.dnsServers ?? []).some((s) => s.ip === firewall.ip))
        dnsHosts.push({
          key: `${vnet}#firewall:${firewall.ip}`,
          label: "the platform's Azure Firewall (not described as a DNS proxy)",
          kind: DnsHostKinds.firewall,
          ip: firewall.ip,
          vnet,
          platform: hub.name,
          dnsProxy: false,
        });
    for (const zoneId of hub.privateDnsZoneIds ?? []) {
      const zone = keyOfId(zoneId);
      const name = parseArmId(zoneId)?.name;
      if (zone === undefined || name === undefined) continue;
      if (!zones.some((z) => z.key === zone))
        zones.push({
          key: zone,
          label: `private DNS zone ${name} (${described(hub)})`,
          name,
          platform: hub.name,
        });
      links.push({
        key: `${vnet}#link:${zone}`,
        label: `the platform's link of ${name} to hub '${hub.name}'`,
        zone,
        vnet,
      });
    }
  }
  return { vnets, dnsHosts, zones, links };
}

/** Hubs whose address spaces overlap one of `prefixes`, with the overlapping pair. */
export function overlappingHub(
  hubs: readonly PlatformHub[],
  prefixes: readonly string[],
): { hub: PlatformHub; hubRange: string; range: string } | undefined {
  const own = prefixes.map(parseCidr).filter((c): c is Cidr => c !== undefined);
  for (const hub of hubs)
    for (const hubRange of cidrsOf(hub)) {
      const clash = own.find((c) => overlaps(c, hubRange));
      if (clash) return { hub, hubRange: hubRange.text, range: clash.text };
    }
  return undefined;
}
