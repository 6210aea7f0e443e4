/**
 * Routes through a hub firewall (model/transit.ts): the pack follows the route, the peerings and their
 * forwarded-traffic settings, but cannot read a firewall's rules fully (application rules match names), so
 * each path a VNet takes to another's private endpoints through a firewall or NVA gets one advisory saying its
 * rules must allow that traffic, with SNAT for the replies. Where a network rule of the firewall's policy
 * allows the asking VNet's range to the endpoints' range, it says so and asks for SNAT only.
 */
import { contains, parseCidr } from "../azure/cidr";
import { ClientVnets } from "../model/clientVnets";
import type { Reach } from "../model/networkGraph";
import { endpointsOf } from "../model/queries";
import type { FirewallNetworkRule, Key, StackModel } from "../model/types";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { quotes } from "./quotes";

/** Whether every prefix is covered by one of the rule's addresses (`*` covers all). */
function covers(addresses: unknown, prefixes: unknown): boolean {
  if (!Array.isArray(addresses) || !Array.isArray(prefixes) || prefixes.length === 0) return false;
  const cidrs = (addresses as string[]).flatMap((a) =>
    a === "*" ? [parseCidr("0.0.0.0/0")!] : (parseCidr(a) ?? []),
  );
  return (prefixes as string[]).every((p) => {
    const prefix = parseCidr(p);
    return prefix !== undefined && cidrs.some((c) => contains(c, prefix));
  });
}

/** The network rule of the appliance's firewall policy allowing `from`'s range to `to`'s, if any. */
function allowingRule(
  model: StackModel,
  appliance: Key,
  from: Key,
  to: Key,
): FirewallNetworkRule | undefined {
  const policy = model.firewalls.find((f) => f.key === appliance)?.policy;
  if (typeof policy !== "string") return undefined;
  const fromPrefixes = model.vnets.get(from)?.addressPrefixes;
  const toPrefixes = model.vnets.get(to)?.addressPrefixes;
  return model.firewallNetworkRules.find(
    (r) => r.policy === policy && covers(r.sources, fromPrefixes) && covers(r.destinations, toPrefixes),
  );
}

function advisory(model: StackModel, reach: Reach): Violation {
  const through = reach.through!;
  const rule = allowingRule(model, through.appliance, through.from, through.to);
  const appliance = model.network.label(through.appliance);
  // The message names the asking VNet first (its subject): the path goes on from there.
  const path = `reaches the private endpoints of ${model.label(through.to)} ${reach.route}`;
  return {
    urn: model.routes.find((r) => r.key === through.route)?.urn ?? model.vnets.get(through.from)!.urn,
    message: message({
      subject: model.label(through.from),
      problem: rule
        ? `${path}; ${rule.label} allows that traffic, and a network rule does not SNAT private ranges by default`
        : `${path}; whether ${appliance}'s rules allow that traffic was not verified (the pack does not read application rules, and no network rule of its policy allows ${model.label(through.from)}'s range to ${model.label(through.to)}'s)`,
      quote: quotes.firewallTransit,
      fix: rule
        ? `configure SNAT for the endpoints' range on ${appliance} (or allow the traffic with application rules, which always SNAT) so replies return through it`
        : `allow this traffic in ${appliance}'s rules, preferably application rules (they always SNAT, so replies return through the firewall)`,
    }),
  };
}

/**
 * The paths used: from each VNet that relies on a workspace's endpoints (its client VNets, its computes'
 * VNets, the VNets of its endpoints) and has routes, to each VNet holding those endpoints. Linear in the
 * workspaces' VNets, not all pairs of the stack's.
 */
function transits(model: StackModel): Reach[] {
  const graph = model.network;
  const clients = ClientVnets.of(model);
  const seen = new Set<string>();
  const found: Reach[] = [];
  for (const workspace of model.workspaces) {
    const targets = new Set(
      endpointsOf(model, workspace.key).flatMap((e) => (typeof e.vnet === "string" ? [e.vnet] : [])),
    );
    const sources = [
      ...clients.of(workspace).map((c) => c.vnet),
      ...model.computes.flatMap((c) =>
        c.workspace === workspace.key && typeof c.vnet === "string" ? [c.vnet] : [],
      ),
      ...targets,
    ].filter((v) => graph.routesByVnet.has(v));
    for (const from of sources)
      for (const to of targets) {
        if (seen.has(`${from}\n${to}`)) continue;
        seen.add(`${from}\n${to}`);
        const reach = graph.connected(from, to);
        if (reach.verdict === "ok" && reach.through) found.push(reach);
      }
  }
  return found;
}

export const firewallTransit: StackRule<object> = {
  name: "traffic-through-firewall",
  description:
    "Says, once per path, that a VNet reaching private endpoints through a hub firewall or NVA (a user-defined route) relies on the firewall's rules allowing that traffic and on SNAT for the replies.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "low",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "A route sends a spoke's traffic for another spoke's private endpoints to a firewall or NVA in the hub: allow that traffic in the firewall's rules, preferably application rules (Azure Firewall always SNATs them); with network rules or an NVA, configure SNAT for the endpoints' range so replies return through it.",
    "",
    "- azure-native: a `network.FirewallPolicyRuleCollectionGroup` on the firewall's policy with an application (or network) rule from the clients' range to the endpoints.",
    "- Components: the hub is the platform's; `PrivateEndpointSet`/`WorkspaceNetwork` sets with `subnetOutbound: Firewall` route their default route to `firewallPrivateIp`.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/inspect-traffic-with-azure-firewall",
  tags: ["firewall", "routes", "private-endpoint"],
  check: (model) => transits(model).map((reach) => advisory(model, reach)),
};
