/**
 * Spoke to spoke through the hub: two VNets that are not peered reach each other when a user-defined route of
 * the asking VNet sends the other's address space to a firewall or NVA in a hub both are peered with, both
 * ways (virtual-network-peering-overview, "Service chaining": "direct traffic from one virtual network to a
 * virtual appliance or gateway in a peered network through user-defined routes"). Private Link documents this
 * layout as "Scenario 1: Hub and spoke architecture - Dedicated virtual network for private endpoints": "A
 * route pointing to the network address space where the private endpoints are deployed is created"
 * (inspect-traffic-with-azure-firewall).
 *
 * - The route: each subnet's table on its own, longest prefix match over the routes whose CIDR holds each of
 *   the destination's address prefixes (`0.0.0.0/0` included). The VNet reaches when some subnet does (the
 *   graph judges VNets: clients sit in the routed subnet). No route: no transit, as before.
 * - The appliance: the firewall or NIC (an NVA) holding the next hop IP (at preview, the host the IP is
 *   computed from); one outside the stack cannot be verified (unknown).
 * - Forwarded traffic, on the spokes' own peerings to the hub: "Allow 'vnet-1' to receive forwarded traffic
 *   from the peered virtual network … allows 'vnet-1' to receive traffic from virtual networks peered to the
 *   peered virtual network" (virtual-network-manage-peering; off by default). The destination spoke receives
 *   the forwarded request, and the asking spoke the reply the appliance forwards back: both need it.
 * - The return: a private endpoint ignores routes ("User-defined routes (UDR) traffic is bypassed from private
 *   endpoints"), so the reply returns by the endpoint spoke's system routes to the address that asked — the
 *   firewall's own when it SNATs, which its peering with the hub reaches ("Azure Firewall always SNATs traffic
 *   with application rules. If network rules are used, or an NVA is used instead of Azure Firewall, SNAT must
 *   be configured for traffic destined to private endpoints in order to maintain flow symmetry",
 *   inspect-traffic-with-azure-firewall). No route back is required of the endpoint spoke; the SNAT and the
 *   firewall's rules are the advisory's (rules/firewallTransit.ts), as the pack cannot read them fully.
 */
import { contains, parseCidr, type Cidr } from "../azure/cidr";
// Types only: networkGraph.ts imports this module.
import type { DnsHost, GraphRoute, NetworkGraph, Reach } from "./networkGraph";
import type { Key } from "./types";
import { isUnknown } from "./unknownValue";

const virtualAppliance = "virtualappliance";

/** Hosts that forward traffic: an Azure Firewall, or a NIC (an NVA's). */
const applianceKinds: ReadonlySet<DnsHost["kind"]> = new Set(["firewall", "vm"] as const);

/** Words before a host's label: a NIC says nothing of the NVA behind it. */
const applianceWords: Record<DnsHost["kind"], string> = {
  resolverInbound: "",
  firewall: "",
  vm: "the NVA on ",
  forwarder: "",
};

const rank: Readonly<Record<Reach["verdict"], number>> = { ok: 0, unknown: 1, broken: 2 };

/** The route a subnet's table uses for `target`: longest prefix holding it; "unknown" when a prefix is. */
function bestRoute(routes: readonly GraphRoute[], target: Cidr): GraphRoute | "unknown" | undefined {
  let best: { route: GraphRoute; bits: number } | undefined;
  for (const route of routes) {
    if (isUnknown(route.addressPrefix)) return "unknown";
    const cidr = typeof route.addressPrefix === "string" ? parseCidr(route.addressPrefix) : undefined;
    if (cidr && contains(cidr, target) && (!best || cidr.bits > best.bits)) best = { route, bits: cidr.bits };
  }
  return best?.route;
}

/** The appliance holding the route's next hop: the host in a VNet peered with `from` first. */
function applianceOf(graph: NetworkGraph, from: Key, route: GraphRoute): DnsHost | undefined {
  const ip = route.nextHopIp;
  const hosts =
    typeof ip === "string"
      ? (graph.hostsByIp.get(ip) ?? [])
      : (route.nextHopSources ?? []).flatMap((k) => graph.hosts.get(k) ?? []);
  const appliances = hosts.filter((h) => applianceKinds.has(h.kind));
  return (
    appliances.find((h) => typeof h.vnet === "string" && graph.peering(from, h.vnet) !== undefined) ??
    appliances[0]
  );
}

/** Both spokes' peerings to the hub must let them receive what the appliance forwards. */
function forwarded(graph: NetworkGraph, spokes: readonly Key[], hub: Key, applianceLabel: string): Reach {
  for (const spoke of spokes) {
    const peering = graph.peering(spoke, hub);
    const allowed = peering?.allowForwardedTraffic;
    if (isUnknown(allowed))
      return {
        verdict: "unknown",
        route: `${peering!.label}'s allowForwardedTraffic is not known at preview`,
      };
    if (allowed !== true)
      return {
        verdict: "broken",
        route: `${peering?.label ?? `the peering of ${graph.label(spoke)}`} does not set allowForwardedTraffic, so ${graph.label(spoke)} drops the traffic ${applianceLabel} forwards to it`,
      };
  }
  return { verdict: "ok", route: "" };
}

/** One subnet's routes to one destination prefix. */
function viaRoute(graph: NetworkGraph, from: Key, to: Key, routes: readonly GraphRoute[], target: Cidr) {
  const route = bestRoute(routes, target);
  if (route === undefined) return undefined;
  if (route === "unknown")
    return {
      verdict: "unknown",
      route: `a route of ${graph.label(from)} has an address prefix not known at preview`,
    } satisfies Reach;
  const sends = `${route.label} on ${route.subnetLabel} sends ${target.text}`;
  const type = route.nextHopType;
  if (isUnknown(type))
    return { verdict: "unknown", route: `${route.label}'s next hop type is not known at preview` };
  if (typeof type !== "string" || type.toLowerCase() !== virtualAppliance)
    return { verdict: "broken", route: `${sends} to ${String(type)}, not to a firewall or NVA in a hub` };
  const appliance = applianceOf(graph, from, route);
  const ip = typeof route.nextHopIp === "string" ? route.nextHopIp : undefined;
  if (!appliance)
    return {
      verdict: "unknown",
      route: ip
        ? `${sends} to ${ip}, which no firewall or NVA of the stack holds (outside the stack: not verified)`
        : `${sends} to a next hop IP not known at preview`,
    };
  const hub = appliance.vnet;
  const applianceLabel = `${applianceWords[appliance.kind]}${appliance.label}`;
  if (typeof hub !== "string")
    return { verdict: "unknown", route: `${sends} to ${applianceLabel}, whose VNet is not known at preview` };
  const at = `${sends} to ${ip ?? "the IP"} of ${applianceLabel} in ${graph.label(hub)}`;
  // An appliance in either spoke is no hub: the two would have to be peered.
  if (hub === from || hub === to) return undefined;
  for (const leg of [graph.peered(from, hub), graph.peered(to, hub)])
    if (leg.verdict !== "ok") return { verdict: leg.verdict, route: `${at}, but ${leg.route}` };
  const flags = forwarded(graph, [to, from], hub, applianceLabel);
  if (flags.verdict !== "ok") return { verdict: flags.verdict, route: `${at}, but ${flags.route}` };
  return {
    verdict: "ok",
    route: `through ${applianceLabel} in ${graph.label(hub)} (${sends} there; both VNets are peered both ways with the hub and receive forwarded traffic)`,
    through: { from, to, appliance: appliance.key, hub, route: route.key },
  } satisfies Reach;
}

/**
 * How `from` reaches `to`, which it is not peered with, through an appliance in a hub; undefined when no route
 * of `from` sends `to`'s address space anywhere (no transit: the caller's "not peered" stands).
 */
export function throughAppliance(graph: NetworkGraph, from: Key, to: Key): Reach | undefined {
  const subnets = graph.routesByVnet.get(from);
  const prefixes = graph.vnets.get(to)?.addressPrefixes;
  if (!subnets || prefixes === undefined) return undefined;
  if (isUnknown(prefixes))
    return { verdict: "unknown", route: `${graph.label(to)}'s address space is not known at preview` };
  const ranges = prefixes.flatMap((p) => parseCidr(p) ?? []);
  // Longest prefix match per address: a route to part of a range takes that part (its own target).
  const inside = [...subnets.values()].flat().flatMap((r) => {
    const cidr = typeof r.addressPrefix === "string" ? parseCidr(r.addressPrefix) : undefined;
    return cidr && ranges.some((range) => cidr.bits > range.bits && contains(range, cidr)) ? [cidr] : [];
  });
  const targets = [...ranges, ...inside];
  let best: Reach | undefined;
  for (const routes of subnets.values()) {
    const answers = targets.map((t) => viaRoute(graph, from, to, routes, t));
    // Every prefix of the destination must be routed; the worst prefix is the subnet's answer.
    if (answers.length === 0 || answers.some((a) => a === undefined)) continue;
    const worst = (answers as Reach[]).reduce((a, b) => (rank[b.verdict] > rank[a.verdict] ? b : a));
    if (!best || rank[worst.verdict] < rank[best.verdict]) best = worst;
  }
  return best;
}
