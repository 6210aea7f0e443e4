/**
 * Rule 7 (DNS integration): every private endpoint of ours has a zone group, and its zone groups name every
 * zone its group ids need in the cloud (for a workspace: the api and the notebooks zone). Zone groups that
 * cannot be tied to an endpoint at preview make the "no zone group" check stand down rather than guess.
 */
import { allClouds, classifyZone, GroupIds, zonesFor, type AzureCloud, type GroupId } from "../azure/clouds";
import { cloudOfRegion } from "../azure/locations";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import type { PrivateEndpoint, StackModel, ZoneGroup } from "../model/types";
import { isUnknown } from "../model/values";
import { quotes } from "./quotes";

export interface EndpointZoneGroupsConfig {
  /** The cloud whose zone names apply; by default taken from the zones present or the endpoint's region. */
  cloud?: AzureCloud;
}

const ourGroupIds = new Set<string>(Object.values(GroupIds));

function groupIdsOf(endpoint: PrivateEndpoint): GroupId[] | undefined {
  const ids: GroupId[] = [];
  for (const connection of endpoint.connections) {
    if (isUnknown(connection.groupIds)) return undefined;
    for (const g of connection.groupIds ?? [])
      if (ourGroupIds.has(g.toLowerCase())) ids.push(g.toLowerCase() as GroupId);
  }
  return ids;
}

function cloudOf(
  endpoint: PrivateEndpoint,
  groups: ZoneGroup[],
  configured: AzureCloud | undefined,
): AzureCloud {
  if (configured) return configured;
  for (const group of groups) {
    for (const zone of group.zones) {
      const known = typeof zone.zoneName === "string" ? classifyZone(zone.zoneName) : undefined;
      if (known) return known.cloud;
    }
  }
  return (typeof endpoint.location === "string" && cloudOfRegion(endpoint.location)) || "AzureCloud";
}

function check(
  model: StackModel,
  endpoint: PrivateEndpoint,
  config: EndpointZoneGroupsConfig,
  allGroupsTied: boolean,
): Violation[] {
  const groupIds = groupIdsOf(endpoint);
  if (!groupIds || groupIds.length === 0) return [];
  const groups = model.zoneGroupsByEndpoint.get(endpoint.key) ?? [];
  if (groups.length === 0) {
    if (!allGroupsTied) return [];
    return [
      {
        urn: endpoint.urn,
        message: message({
          subject: endpoint.label,
          problem: `(${groupIds.join(", ")}) has no private DNS zone group, so clients resolve the target's public address`,
          quote: quotes.zoneIntegration,
          fix: `add a PrivateDnsZoneGroup on this endpoint naming ${groupIds.flatMap((g) => zonesFor(cloudOf(endpoint, [], config.cloud), g)).join(" and ")}`,
        }),
      },
    ];
  }
  if (groups.some((g) => !g.complete || g.zones.some((z) => typeof z.zoneName !== "string"))) return [];
  const present = new Set(groups.flatMap((g) => g.zones.map((z) => (z.zoneName as string).toLowerCase())));
  const cloud = cloudOf(endpoint, groups, config.cloud);
  const missing = groupIds.flatMap((g) => zonesFor(cloud, g)).filter((zone) => !present.has(zone));
  if (missing.length === 0) return [];
  return [
    {
      urn: groups[0].urn,
      message: message({
        subject: `The zone group of ${endpoint.label}`,
        problem: `(${groupIds.join(", ")}, ${cloud}) does not name ${missing.join(" and ")}`,
        quote: quotes.workspaceZones,
        fix: `add a zone config for ${missing.join(" and ")} to the endpoint's zone group (one group holds up to 5 zones)`,
      }),
    },
  ];
}

export const endpointZoneGroups: StackRule<EndpointZoneGroupsConfig> = {
  name: "endpoint-dns-zone-group",
  description:
    "Every private endpoint needs a DNS zone group naming the zones of its group ids; a workspace endpoint needs both the api and the notebooks zone.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { cloud: { type: "string", enum: [...allClouds] } } },
  defaults: {},
  check: (model, config) => {
    const allGroupsTied = model.zoneGroups.every((g) => typeof g.endpoint === "string");
    return model.endpoints.flatMap((e) => check(model, e, config, allGroupsTied));
  },
};
