/**
 * Rule 7 (zone links): a zone an endpoint writes into must be linked to the endpoint's VNet. Checked for
 * zones in the stack or linked from it (a zone outside the stack with no link here is someone else's).
 * A hub design with zones linked only to a hub VNet can allow that by config.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import type { PrivateEndpoint, StackModel } from "../model/types";
import { quotes } from "./quotes";

export interface ZoneLinkedToVnetConfig {
  /** Accept a zone linked to some other VNet (a hub resolving for spokes). */
  allowHubLinkedZones: boolean;
}

/**
 * What links unresolved at preview leave open: a link of unknown zone could link any zone to its VNet, a link
 * of unknown VNet could link its zone to any VNet; only a link with neither known leaves everything open.
 */
interface OpenLinks {
  anything: boolean;
  vnetsOfUnknownZones: Set<string>;
  zonesOfUnknownVnets: Set<string>;
}

function openLinks(model: StackModel): OpenLinks {
  const open: OpenLinks = { anything: false, vnetsOfUnknownZones: new Set(), zonesOfUnknownVnets: new Set() };
  for (const link of model.links) {
    const zoneKnown = typeof link.zone === "string";
    const vnetKnown = typeof link.vnet === "string";
    if (!zoneKnown && !vnetKnown) open.anything = true;
    else if (!zoneKnown) open.vnetsOfUnknownZones.add(link.vnet as string);
    else if (!vnetKnown) open.zonesOfUnknownVnets.add(link.zone as string);
  }
  return open;
}

function check(
  model: StackModel,
  endpoint: PrivateEndpoint,
  config: ZoneLinkedToVnetConfig,
  open: OpenLinks,
): Violation[] {
  const vnet = endpoint.vnet;
  // The missing link may be one not resolved yet: leave this endpoint for the update.
  if (typeof vnet !== "string" || open.vnetsOfUnknownZones.has(vnet)) return [];
  return (model.zoneGroupsByEndpoint.get(endpoint.key) ?? []).flatMap((group) =>
    group.zones.flatMap((zone) => {
      if (open.zonesOfUnknownVnets.has(zone.key)) return [];
      const linked = model.linkedVnetsByZone.get(zone.key);
      if (!model.zones.has(zone.key) && !linked) return [];
      if (linked?.has(vnet) || (config.allowHubLinkedZones && linked && linked.size > 0)) return [];
      return [
        {
          urn: group.urn,
          message: message({
            subject: model.label(zone.key),
            problem: `holds the records of ${endpoint.label} but is not linked to its ${model.label(vnet)}${linked ? ` (linked to ${[...linked].map((k) => model.label(k)).join(", ")})` : ""}`,
            quote: quotes.zoneLinkedToVnet,
            fix: `add a VirtualNetworkLink from ${typeof zone.zoneName === "string" ? zone.zoneName : "the zone"} to the endpoint's VNet (registrationEnabled: false)`,
          }),
        },
      ];
    }),
  );
}

export const zoneLinkedToVnet: StackRule<ZoneLinkedToVnetConfig> = {
  name: "private-dns-zone-linked-to-endpoint-vnet",
  description:
    "Each private DNS zone an endpoint's zone group writes into must be linked to the endpoint's VNet.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { allowHubLinkedZones: { type: "boolean", default: false } } },
  defaults: { allowHubLinkedZones: false },
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Link every zone an endpoint writes into to the endpoint's VNet, or resolve through a hub whose zones are linked there (`allowHubLinkedZones`).",
    "",
    '- azure-native: `new network.VirtualNetworkLink(name, { resourceGroupName, privateZoneName: zone.name, virtualNetwork: { id: vnet.id }, registrationEnabled: false, location: "global" })`.',
    '- Components: `WorkspaceNetwork` / `PrivateEndpointSet` with `dnsMode: "OwnZones"` create and link one zone instance per VNet.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns",
  tags: ["dns", "private-endpoint"],
  check: (model, config) => {
    const open = openLinks(model);
    if (open.anything) return [];
    return model.endpoints.flatMap((e) => check(model, e, config, open));
  },
};
