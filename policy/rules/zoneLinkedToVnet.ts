/**
 * Rule 7 (zone links): a zone an endpoint writes into must answer the endpoint's VNet, through whatever path
 * its DNS takes (model/resolution.ts): its own Azure DNS and links, a resolver inbound endpoint, a firewall
 * DNS proxy or DNS server VM in a peered VNet, a forwarding ruleset. Checked for zones in the stack or
 * linked from it. An isolated VNet (own Azure DNS) gets the finding it always had; a broken path (DNS
 * server not reached, firewall without DNS proxy) is reported once on the resource at fault; a path the
 * pack cannot follow (a DNS server outside the stack) is the dns-resolution-unverified advisory's.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { describePath, resolveName, ResolutionFaults, type NameAnswer } from "../model/resolution";
import type { NetworkGraph } from "../model/networkGraph";
import type { Key, PrivateEndpoint, StackModel, ZoneGroup, ZoneRef } from "../model/types";
import { quotes } from "./quotes";
import { fixOf, isPathFault, pathViolation, unique } from "./resolutionFindings";

export interface ZoneLinkedToVnetConfig {
  /**
   * No-op alias kept so existing organisation configs still validate: a zone linked to a hub is accepted
   * when the network graph finds the endpoint's VNet resolving through that hub, whatever this says.
   */
  allowHubLinkedZones: boolean;
}

/** The finding as it always was: the endpoint's own VNet asks Azure DNS, and the zone is not linked to it. */
function notLinkedToOwnVnet(
  model: StackModel,
  endpoint: PrivateEndpoint,
  group: ZoneGroup,
  zone: ZoneRef,
  vnet: Key,
): Violation {
  const linked = model.linkedVnetsByZone.get(zone.key);
  return {
    urn: group.urn,
    message: message({
      subject: model.label(zone.key),
      problem: `holds the records of ${endpoint.label} but is not linked to its ${model.label(vnet)}${linked ? ` (linked to ${[...linked].map((k) => model.label(k)).join(", ")})` : ""}`,
      quote: quotes.zoneLinkedToVnet,
      fix: `add a VirtualNetworkLink from ${typeof zone.zoneName === "string" ? zone.zoneName : "the zone"} to the endpoint's VNet (registrationEnabled: false)`,
    }),
  };
}

/** The endpoint's VNet resolves the zone's name through a path that does not end in this zone. */
function notResolved(
  model: StackModel,
  endpoint: PrivateEndpoint,
  group: ZoneGroup,
  zone: ZoneRef,
  answer: NameAnswer,
): Violation {
  const elsewhere =
    answer.verdict === "ok" ? `, which answers from ${model.label(answer.zone!)}, not this zone` : "";
  return {
    urn: group.urn,
    message: message({
      subject: model.label(zone.key),
      problem: `holds the records of ${endpoint.label}, but ${describePath(answer)}${elsewhere}`,
      quote: quotes.hubSpokeResolution,
      fix:
        answer.verdict === "ok"
          ? "write the endpoint's records into the zone its VNet resolves through, or link this zone there instead"
          : fixOf(model, answer),
    }),
  };
}

/** The path ends at, or fails on, a hub the platform describes. */
function throughPlatform(graph: NetworkGraph, answer: NameAnswer): boolean {
  return (
    answer.fault === ResolutionFaults.notRunByPlatform ||
    graph.isDescribed(answer.resolvingVnet) ||
    graph.isDescribed(answer.faultAt) ||
    (answer.faultAt !== undefined && graph.hosts.get(answer.faultAt)?.platform !== undefined)
  );
}

function check(model: StackModel, endpoint: PrivateEndpoint): Violation[] {
  const vnet = endpoint.vnet;
  if (typeof vnet !== "string") return [];
  const graph = model.network;
  return (model.zoneGroupsByEndpoint.get(endpoint.key) ?? []).flatMap((group) =>
    group.zones.flatMap((zone) => {
      const linked = model.linkedVnetsByZone.get(zone.key);
      const name = graph.zones.get(zone.key)?.name;
      if (typeof name !== "string") return [];
      const answer = resolveName(graph, vnet, name);
      // A zone outside the stack with no link here is someone else's, unless the path goes through a hub the
      // platform describes: the platform then says which zones answer there.
      if (!model.zones.has(zone.key) && !linked && !throughPlatform(graph, answer)) return [];
      if (answer.verdict === "unknown") return [];
      if (answer.direct) {
        // The missing link may be one not resolved yet: leave it for the update.
        const open =
          graph.anyOpenLink || graph.vnetsOfOpenLinks.has(vnet) || graph.zonesOfOpenLinks.has(zone.key);
        return linked?.has(vnet) || open ? [] : [notLinkedToOwnVnet(model, endpoint, group, zone, vnet)];
      }
      if (answer.verdict === "ok")
        return answer.zone === zone.key ? [] : [notResolved(model, endpoint, group, zone, answer)];
      // Two zones of one name on a VNet are the duplicate-link rule's finding.
      if (answer.fault === ResolutionFaults.duplicateZones) return [];
      if (isPathFault(answer)) return [pathViolation(model, vnet, answer)];
      return [notResolved(model, endpoint, group, zone, answer)];
    }),
  );
}

export const zoneLinkedToVnet: StackRule<ZoneLinkedToVnetConfig> = {
  name: "private-dns-zone-linked-to-endpoint-vnet",
  description:
    "Each private DNS zone an endpoint's zone group writes into must answer the endpoint's VNet: linked to it, or to the VNet its DNS path ends in (resolver, firewall DNS proxy, DNS server VM in a peered VNet, forwarding ruleset).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowHubLinkedZones: {
        type: "boolean",
        default: false,
        description:
          "No longer used (accepted so existing configs validate): hub designs are judged by their DNS path.",
      },
    },
  },
  defaults: { allowHubLinkedZones: false },
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Link every zone an endpoint writes into to the endpoint's VNet, or resolve through a hub whose zones are linked there: the VNet's DNS servers name a resolver inbound endpoint, a firewall with DNS proxy or a DNS server VM in a VNet peered both ways, or a forwarding ruleset linked to it forwards the zone there.",
    "",
    '- azure-native: `new network.VirtualNetworkLink(name, { resourceGroupName, privateZoneName: zone.name, virtualNetwork: { id: vnet.id }, registrationEnabled: false, location: "global" })`.',
    '- Components: `WorkspaceNetwork` / `PrivateEndpointSet` with `dnsMode: "OwnZones"` create and link one zone instance per VNet.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns",
  tags: ["dns", "private-endpoint"],
  check: (model) => unique(model.endpoints.flatMap((e) => check(model, e))),
};
