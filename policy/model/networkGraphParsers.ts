/**
 * Reads what name resolution runs through: peerings (resources of their own or a VNet's inline
 * `virtualNetworkPeerings`), the classic provider's VirtualNetworkDnsServers, DNS private resolvers and their
 * endpoints, forwarding rulesets, their rules and VNet links, Azure Firewalls and firewall policies.
 */
import { firewallDnsProperties } from "./firewallDns";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type {
  DnsResolver,
  Firewall,
  FirewallPolicy,
  ForwardingRule,
  ForwardingRuleset,
  Key,
  ResolverEndpoint,
  RulesetVnetLink,
  VnetDnsServers,
  VnetPeering,
} from "./types";
import { at, bool, isUnknown, list, str, strings, unknown, type Maybe } from "./values";

/** A VNet's DNS servers as declared, and at preview the URNs they were computed from. */
export function dnsServersOf(view: ResourceView): { dnsServers: Maybe<string[]>; dnsServerSources: Key[] } {
  return {
    dnsServers: strings(view.inputs, "dhcpOptions", "dnsServers"),
    dnsServerSources: [...view.dependencies("dhcpOptions")],
  };
}

export function parseVnetPeering(view: ResourceView, index: ResourceIndex): VnetPeering {
  return {
    ...index.entity(view),
    vnet: index.byName(view, "virtualNetworkName", "virtualNetwork", view.resourceGroup, [view.armNames[0]]),
    ...peeringSettings(view, index, "remoteVirtualNetwork", view.inputs),
  };
}

function peeringSettings(
  view: ResourceView,
  index: ResourceIndex,
  input: string,
  peering: unknown,
): Pick<
  VnetPeering,
  | "remoteVnet"
  | "allowVirtualNetworkAccess"
  | "allowForwardedTraffic"
  | "peeringState"
  | "remoteAddressPrefixes"
> {
  return {
    remoteVnet: index.byId(view, input, str(peering, "remoteVirtualNetwork", "id"), ["virtualNetwork"]),
    remoteAddressPrefixes: strings(peering, "remoteAddressSpace", "addressPrefixes"),
    allowVirtualNetworkAccess: bool(peering, "allowVirtualNetworkAccess"),
    allowForwardedTraffic: bool(peering, "allowForwardedTraffic"),
    peeringState: str(peering, "peeringState"),
  };
}

/** A VNet's inline `virtualNetworkPeerings` (also what a VNet read back from Azure lists). */
export function parseInlinePeerings(view: ResourceView, index: ResourceIndex): VnetPeering[] {
  const peerings = list(view.inputs, "virtualNetworkPeerings");
  if (peerings === undefined || isUnknown(peerings)) return [];
  return peerings.map((peering, position) => {
    const name = str(peering, "name");
    const shown = typeof name === "string" ? name : `#${position}`;
    return {
      key: `${view.urn}/virtualNetworkPeerings/${shown}`,
      urn: view.urn,
      label: `peering '${shown}' of ${index.label(view.urn)}`,
      vnet: view.urn,
      ...peeringSettings(view, index, "virtualNetworkPeerings", peering),
    };
  });
}

export function parseVnetDnsServers(view: ResourceView, index: ResourceIndex): VnetDnsServers {
  return {
    ...index.entity(view),
    vnet: index.byId(view, "virtualNetwork", str(view.inputs, "virtualNetwork", "id"), ["virtualNetwork"]),
    ...dnsServersOf(view),
  };
}

export function parseDnsResolver(view: ResourceView, index: ResourceIndex): DnsResolver {
  return {
    ...index.entity(view),
    vnet: index.byId(view, "virtualNetwork", str(view.inputs, "virtualNetwork", "id"), ["virtualNetwork"]),
  };
}

/** The subnet of an IP configuration list's first entry, and every entry's private IP. */
function ipConfigurations(
  view: ResourceView,
  index: ResourceIndex,
  ipInput: string,
): { subnet: Maybe<Key>; ips: Maybe<string>[] } {
  const configs = list(view.inputs, "ipConfigurations");
  if (configs === undefined) return { subnet: undefined, ips: [] };
  if (isUnknown(configs)) return { subnet: unknown, ips: [unknown] };
  const ipOf = (c: unknown) => str(c, ipInput) ?? str(c, "properties", ipInput);
  const subnetId = (c: unknown) => str(c, "subnet", "id") ?? str(c, "properties", "subnet", "id");
  return {
    subnet:
      configs.length === 0
        ? undefined
        : index.byId(view, "ipConfigurations", subnetId(configs[0]), ["subnet", "virtualNetwork"]),
    ips: configs.map(ipOf),
  };
}

export function parseResolverEndpoint(
  view: ResourceView,
  index: ResourceIndex,
  direction: ResolverEndpoint["direction"],
): ResolverEndpoint {
  const resolver = index.byName(view, "dnsResolverName", "dnsResolver", view.resourceGroup, [
    view.armNames[0],
  ]);
  const configs: { subnet: Maybe<Key>; ips: Maybe<string>[] } =
    direction === "inbound"
      ? ipConfigurations(view, index, "privateIpAddress")
      : {
          subnet: index.byId(view, "subnet", str(view.inputs, "subnet", "id"), ["subnet", "virtualNetwork"]),
          ips: [],
        };
  return { ...index.entity(view), direction, resolver, vnet: undefined, ...configs };
}

export function parseForwardingRuleset(view: ResourceView, index: ResourceIndex): ForwardingRuleset {
  const endpoints = list(view.inputs, "dnsResolverOutboundEndpoints");
  return {
    ...index.entity(view),
    location: str(view.inputs, "location"),
    outboundEndpoints: isUnknown(endpoints)
      ? [unknown]
      : (endpoints ?? []).map((e) =>
          index.byId(view, "dnsResolverOutboundEndpoints", str(e, "id"), ["resolverOutboundEndpoint"]),
        ),
  };
}

export function parseForwardingRule(view: ResourceView, index: ResourceIndex): ForwardingRule {
  const servers = list(view.inputs, "targetDnsServers");
  const ips = isUnknown(servers) ? unknown : (servers ?? []).map((s) => str(s, "ipAddress"));
  const state = str(view.inputs, "forwardingRuleState");
  return {
    ...index.entity(view),
    ruleset: index.byName(view, "dnsForwardingRulesetName", "forwardingRuleset", view.resourceGroup, [
      view.armNames[0],
    ]),
    domainName: str(view.inputs, "domainName"),
    targets: isUnknown(ips) || ips.some(isUnknown) ? unknown : ips.filter((ip) => typeof ip === "string"),
    enabled: isUnknown(state) ? state : state?.toLowerCase() !== "disabled",
  };
}

export function parseRulesetVnetLink(view: ResourceView, index: ResourceIndex): RulesetVnetLink {
  return {
    ...index.entity(view),
    ruleset: index.byName(view, "dnsForwardingRulesetName", "forwardingRuleset", view.resourceGroup, [
      view.armNames[0],
    ]),
    vnet: index.byId(view, "virtualNetwork", str(view.inputs, "virtualNetwork", "id"), ["virtualNetwork"]),
  };
}

export function parseFirewall(view: ResourceView, index: ResourceIndex): Firewall {
  const extra = at(view.inputs, "additionalProperties");
  const proxy = str(extra, firewallDnsProperties.enableProxy);
  const servers = str(extra, firewallDnsProperties.servers);
  return {
    ...index.entity(view),
    ...ipConfigurations(view, index, "privateIPAddress"),
    vnet: undefined,
    policy: index.byId(view, "firewallPolicy", str(view.inputs, "firewallPolicy", "id"), ["firewallPolicy"]),
    dnsProxy: isUnknown(proxy) ? proxy : proxy?.toLowerCase() === "true",
    dnsServers: typeof servers === "string" ? servers.split(",").map((s) => s.trim()) : servers,
  };
}

export function parseFirewallPolicy(view: ResourceView, index: ResourceIndex): FirewallPolicy {
  return {
    ...index.entity(view),
    enableProxy: bool(view.inputs, "dnsSettings", "enableProxy"),
    dnsServers: strings(view.inputs, "dnsSettings", "servers"),
    basePolicy: index.byId(view, "basePolicy", str(view.inputs, "basePolicy", "id"), ["firewallPolicy"]),
  };
}

/** A NIC's first subnet and its private IPs (the IPs a DNS server VM answers on). */
export function nicAddresses(
  view: ResourceView,
  index: ResourceIndex,
): { subnet: Maybe<Key>; ips: Maybe<string>[] } {
  return ipConfigurations(view, index, "privateIPAddress");
}
