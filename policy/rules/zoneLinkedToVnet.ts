/**
 * Rule 7 (zone links): a zone an endpoint writes into must be linked to the endpoint's VNet. Checked for
 * zones in the stack or linked from it (a zone outside the stack with no link here is someone else's).
 * A hub design with zones linked only to a hub VNet can allow that by config.
 */
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import type { PrivateEndpoint, StackModel } from "../model/types";
import { quotes } from "./quotes";

export interface ZoneLinkedToVnetConfig {
  /** Accept a zone linked to some other VNet (a hub resolving for spokes). */
  allowHubLinkedZones: boolean;
}

function check(model: StackModel, endpoint: PrivateEndpoint, config: ZoneLinkedToVnetConfig): Violation[] {
  const vnet = endpoint.vnet;
  if (typeof vnet !== "string") return [];
  return (model.zoneGroupsByEndpoint.get(endpoint.key) ?? []).flatMap((group) =>
    group.zones.flatMap((zone) => {
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
  check: (model, config) => {
    // A link whose zone or VNet is unknown at preview could be the missing one: stand down.
    if (model.links.some((l) => typeof l.zone !== "string" || typeof l.vnet !== "string")) return [];
    return model.endpoints.flatMap((e) => check(model, e, config));
  },
};
