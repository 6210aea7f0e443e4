/**
 * The stack model's network graph: what the parsers read, as the plain graph name resolution runs on. A
 * firewall is a DNS proxy when its policy or the policy's parents say so (`dnsSettings.enableProxy`, off by
 * default), or, without a policy, its own settings; a policy outside the stack leaves it unknown. Every NIC's private IP is a possible
 * DNS server VM.
 */
import { parseExternalKey } from "./identity";
import { platformGraphInput, type KeyOfId } from "./platformNetwork";
import {
  DnsHostKinds,
  NetworkGraph,
  type DnsHost,
  type GraphRecord,
  type GraphRoute,
  type GraphVnet,
  type GraphZone,
  type GraphZoneLink,
} from "./networkGraph";
import type { EndpointConnection, Firewall, Key, Route, StackModel } from "./types";
import { unknown, type Maybe } from "./values";

/** One host per private IP of a resource (its key then carries the IP configuration's position). */
function hostsOf(
  key: Key,
  label: string,
  kind: DnsHost["kind"],
  vnet: Maybe<Key>,
  ips: readonly Maybe<string>[],
  extra: Partial<DnsHost> = {},
): DnsHost[] {
  return ips.map((ip, i) => ({ key: i === 0 ? key : `${key}#${i}`, label, kind, ip, vnet, ...extra }));
}

function firewallDns(model: StackModel, firewall: Firewall): Pick<DnsHost, "dnsProxy" | "forwardsTo"> {
  if (firewall.policy === undefined)
    return { dnsProxy: firewall.dnsProxy ?? false, forwardsTo: firewall.dnsServers };
  return policyDns(model, firewall.policy);
}

/**
 * A policy's DNS settings with its parents': "A child policy inherits all parent policy DNS settings, but it
 * can override the parent policy" (firewall/dns-settings), so each setting the policy leaves out comes from
 * the nearest parent that sets it. A parent outside the stack (or unknown) leaves the settings it would give
 * unknown.
 */
function policyDns(model: StackModel, key: Maybe<Key>): Pick<DnsHost, "dnsProxy" | "forwardsTo"> {
  let dnsProxy: Maybe<boolean>;
  let forwardsTo: Maybe<string[]>;
  const seen = new Set<Key>();
  for (let at = key; at !== undefined;) {
    const policy = typeof at === "string" ? model.firewallPolicies.get(at) : undefined;
    if (!policy || seen.has(policy.key))
      return { dnsProxy: dnsProxy ?? unknown, forwardsTo: forwardsTo ?? unknown };
    seen.add(policy.key);
    dnsProxy ??= policy.enableProxy;
    forwardsTo ??= policy.dnsServers;
    if (dnsProxy !== undefined && forwardsTo !== undefined) break;
    at = policy.basePolicy;
  }
  return { dnsProxy: dnsProxy ?? false, forwardsTo };
}

/**
 * "Only private endpoints in an *Approved* state can send traffic to a specified private-link resource."
 * (private-endpoint-overview): a connection Azure reports Pending (a manual request), Rejected or Disconnected
 * reaches nothing. A state not reported (preview, or not read) counts as approved, as before.
 */
function carriesTraffic(connection: EndpointConnection): boolean {
  const status = connection.status;
  return typeof status !== "string" || status.toLowerCase() === "approved";
}

/** A zone's name: declared in the stack, named by a zone group's config id, or read from its external key. */
function zoneName(model: StackModel, key: Key, named: Maybe<string>): Maybe<string> {
  return model.zones.get(key)?.zoneName ?? named ?? parseExternalKey(key)?.names[0];
}

/** Each route of each table on each subnet (a table on a subnet twice, as read back, counts once). */
function routesOf(model: StackModel): GraphRoute[] {
  const byTable = new Map<Key, Route[]>();
  for (const route of model.routes)
    if (typeof route.table === "string")
      byTable.set(route.table, [...(byTable.get(route.table) ?? []), route]);
  const seen = new Set<string>();
  return model.routeTableAssociations.flatMap(({ subnet, table }) => {
    if (typeof subnet !== "string" || typeof table !== "string" || seen.has(`${subnet}\n${table}`)) return [];
    seen.add(`${subnet}\n${table}`);
    // A VNet key stands for one of its inline subnets (unknown at preview).
    const vnet = model.vnets.has(subnet) ? subnet : model.subnets.get(subnet)?.vnet;
    return (byTable.get(table) ?? []).map((r) => ({
      key: r.key,
      label: r.label,
      subnet,
      subnetLabel: model.label(subnet),
      vnet,
      addressPrefix: r.addressPrefix,
      nextHopType: r.nextHopType,
      nextHopIp: r.nextHopIpAddress,
      nextHopSources: r.nextHopSources,
    }));
  });
}

/**
 * The stack's graph, with the hubs the platform describes (`model.platformHubs`) added where the stack does not
 * hold them itself: `keyOfId` gives a described id its in-stack key when the stack has it.
 */
export function networkGraphOf(model: StackModel, keyOfId?: KeyOfId): NetworkGraph {
  // A hub the stack holds is judged from its own resources; the description is then only compared with them.
  const platform = platformGraphInput(
    model.platformHubs.filter((h) => !model.vnets.has(h.key)).map((h) => h.hub),
    keyOfId,
  );
  const zones = new Map<Key, GraphZone>();
  const addZone = (key: Maybe<Key>, named?: Maybe<string>) => {
    if (typeof key !== "string" || zones.has(key)) return;
    zones.set(key, { key, label: model.label(key), name: zoneName(model, key, named) });
  };
  const records: GraphRecord[] = [];
  for (const group of model.zoneGroups) {
    for (const zone of group.zones) {
      addZone(zone.key, zone.zoneName);
      records.push({ zone: zone.key, endpoint: group.endpoint });
    }
    if (!group.complete) records.push({ zone: unknown, endpoint: group.endpoint });
  }
  for (const link of model.links) addZone(link.zone);
  for (const key of model.zones.keys()) addZone(key);
  // A zone the platform describes reads as the platform's, whoever else names it.
  for (const zone of platform.zones) zones.set(zone.key, zone);
  const outboundVnet = (key: Maybe<Key>) =>
    typeof key === "string" ? model.resolverEndpoints.get(key)?.vnet : undefined;
  return new NetworkGraph({
    vnets: [
      ...[...model.vnets.values()].map((v): GraphVnet => ({
        key: v.key,
        label: v.label,
        addressPrefixes: v.addressPrefixes,
        dnsServers: v.dnsServers,
        dnsServerSources: v.dnsServerSources,
      })),
      ...platform.vnets,
    ],
    peerings: model.peerings.map((p) => ({
      key: p.key,
      label: p.label,
      from: p.vnet,
      to: p.remoteVnet,
      allowVirtualNetworkAccess: p.allowVirtualNetworkAccess,
      allowForwardedTraffic: p.allowForwardedTraffic,
      state: p.peeringState,
    })),
    zones: [...zones.values()],
    links: [
      ...model.links.map((l): GraphZoneLink => ({
        key: l.key,
        label: l.label,
        zone: l.zone,
        vnet: l.vnet,
        resolutionPolicy: l.resolutionPolicy,
      })),
      ...platform.links,
    ],
    records,
    endpoints: model.endpoints.map((e) => ({
      key: e.key,
      label: e.label,
      vnet: e.vnet,
      targets: e.connections.filter(carriesTraffic).map((c) => c.target),
      ips: e.ips,
    })),
    dnsHosts: [
      ...[...model.resolverEndpoints.values()]
        .filter((e) => e.direction === "inbound")
        .flatMap((e) => hostsOf(e.key, e.label, DnsHostKinds.resolverInbound, e.vnet, e.ips)),
      ...model.firewalls.flatMap((f) =>
        hostsOf(f.key, f.label, DnsHostKinds.firewall, f.vnet, f.ips, firewallDns(model, f)),
      ),
      ...model.networkInterfaces.flatMap((n) => hostsOf(n.key, n.label, DnsHostKinds.vm, n.vnet, n.ips)),
      ...platform.dnsHosts,
    ],
    rulesets: [...model.forwardingRulesets.values()].map((r) => ({
      key: r.key,
      label: r.label,
      vnet: r.outboundEndpoints.map(outboundVnet).find((v) => typeof v === "string"),
    })),
    rulesetLinks: model.rulesetVnetLinks.map((l) => ({ ruleset: l.ruleset, vnet: l.vnet })),
    forwardingRules: model.forwardingRules.map((r) => ({
      key: r.key,
      label: r.label,
      ruleset: r.ruleset,
      domain: r.domainName,
      targets: r.targets,
      enabled: r.enabled,
    })),
    routes: routesOf(model),
    labelOf: (key) => model.label(key),
  });
}
