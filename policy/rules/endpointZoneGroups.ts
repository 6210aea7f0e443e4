/**
 * Rule 7 (DNS integration): every private endpoint of ours has a zone group, and its zone groups name every
 * zone its group ids need in the cloud (for a workspace: the api and the notebooks zone). Zone groups that
 * cannot be tied to an endpoint at preview make the "no zone group" check stand down rather than guess.
 * A stack whose private DNS is managed outside the program (see privateDnsDeclaration) needs no zone group:
 * with Azure Policy, a zone group in the program is the finding (it fights the landing zone's); with a
 * custom DNS server, zone groups are optional but still checked for their zones. The custom DNS server's
 * records themselves are outside anything the pack sees. A zone the endpoint does not write is fine when its
 * VNet resolves that name to another endpoint of the same target it reaches (a workspace's api and notebooks
 * zones written by two endpoints, as the Terraform AVM module does).
 */
import {
  allClouds,
  classifyZone,
  GroupIds,
  regionalZonesFor,
  zonesFor,
  type AzureCloud,
  type GroupId,
} from "../azure/clouds";
import { cloudOfRegion } from "../azure/locations";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import {
  allPrivateDnsManagers,
  privateDnsDeclaration,
  PrivateDnsManagers,
  privateDnsTag,
  type PrivateDnsDeclaration,
  type PrivateDnsManager,
} from "../model/privateDnsDeclaration";
import { coveredByDnsPolicies } from "../model/queries";
import { resolveName, resolveTarget } from "../model/resolution";
import type { PrivateEndpoint, StackModel, ZoneGroup } from "../model/types";
import { isUnknown } from "../model/values";
import { quotes } from "./quotes";

export interface EndpointZoneGroupsConfig {
  /** The cloud whose zone names apply; by default taken from the zones present or the endpoint's region. */
  cloud?: AzureCloud;
  /** Who manages private DNS, for every stack of the policy group; unset: the stack's tag decides. */
  privateDns?: PrivateDnsManager;
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

/**
 * A zone this endpoint does not write is still fine when its VNet resolves that name to another endpoint of
 * the same target it reaches: the Terraform AVM module writes the api zone from one workspace endpoint and
 * the notebooks zone from a second one in the same VNet.
 */
function resolvedByAnother(
  model: StackModel,
  endpoint: PrivateEndpoint,
  groupId: GroupId,
  zone: string,
): boolean {
  const vnet = endpoint.vnet;
  if (typeof vnet !== "string") return false;
  return endpoint.connections.some(
    (c) =>
      typeof c.target === "string" &&
      Array.isArray(c.groupIds) &&
      c.groupIds.some((g) => g.toLowerCase() === groupId) &&
      resolveTarget(model.network, vnet, c.target, zone).verdict === "ok",
  );
}

/**
 * The per-region zones of the endpoint's targets (a registry's `<region>.data.privatelink.azurecr.io`) that
 * answer its VNet: there the data endpoint resolves only from a record in that zone, so the zone group must
 * name it too. Where no such zone is linked, the group's zone answers and nothing more is needed.
 */
function answeringRegionalZones(
  model: StackModel,
  endpoint: PrivateEndpoint,
  groupId: GroupId,
  cloud: AzureCloud,
): string[] {
  const vnet = endpoint.vnet;
  if (typeof vnet !== "string") return [];
  return endpoint.connections.flatMap((c) => {
    const region = typeof c.target === "string" ? model.services.get(c.target)?.location : undefined;
    if (typeof region !== "string") return [];
    return regionalZonesFor(cloud, groupId, region).filter(
      (zone) => resolveName(model.network, vnet, zone).zone !== undefined,
    );
  });
}

/** Zone groups in a stack whose zone groups Azure Policy writes: the policy stands down, or the two clash. */
function landingZoneGroups(
  endpoint: PrivateEndpoint,
  groupIds: GroupId[],
  groups: ZoneGroup[],
  declaration: PrivateDnsDeclaration,
): Violation[] {
  return groups.map((group) => ({
    urn: group.urn,
    message: message({
      subject: `The zone group of ${endpoint.label}`,
      problem: `(${groupIds.join(", ")}) is written by the program, but ${declaration.source} says Azure Policy manages this stack's private DNS: its DeployIfNotExists policy then finds a zone group and writes no records into the landing zone's zones, or clashes with this one`,
      quote: quotes.landingZoneZoneGroups,
      fix: `remove the PrivateDnsZoneGroup (with WorkspaceNetwork/PrivateEndpointSet: dnsMode AzurePolicy), or declare ${privateDnsTag}=${PrivateDnsManagers.program} if the program manages DNS`,
    }),
  }));
}

function check(
  model: StackModel,
  endpoint: PrivateEndpoint,
  config: EndpointZoneGroupsConfig,
  allGroupsTied: boolean,
  declaration: PrivateDnsDeclaration,
): Violation[] {
  const groupIds = groupIdsOf(endpoint);
  if (!groupIds || groupIds.length === 0) return [];
  const groups = model.zoneGroupsByEndpoint.get(endpoint.key) ?? [];
  // A manual-only endpoint is outside Azure Policy's DNS built-ins: its zone group stays the program's.
  const manager =
    declaration.manager === PrivateDnsManagers.azurePolicy && !coveredByDnsPolicies(endpoint)
      ? PrivateDnsManagers.program
      : declaration.manager;
  if (manager === PrivateDnsManagers.azurePolicy)
    return landingZoneGroups(endpoint, groupIds, groups, declaration);
  if (groups.length === 0) {
    if (!allGroupsTied || manager === PrivateDnsManagers.customDns) return [];
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
  const missing = groupIds
    .flatMap((g) => [
      ...zonesFor(cloud, g).map((zone) => ({ g, zone })),
      ...answeringRegionalZones(model, endpoint, g, cloud).map((zone) => ({ g, zone })),
    ])
    .filter(({ g, zone }) => !present.has(zone) && !resolvedByAnother(model, endpoint, g, zone))
    .map(({ zone }) => zone);
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

/** A tag value naming no manager: said once, against the stack, while the default (program) applies. */
function invalidTag(declaration: PrivateDnsDeclaration): Violation[] {
  if (declaration.invalidTag === undefined) return [];
  return [
    {
      urn: "",
      message: message({
        subject: `The stack tag ${privateDnsTag}`,
        problem: `is '${declaration.invalidTag}', which names no DNS manager, so every private endpoint still needs a zone group`,
        quote: quotes.customDns,
        fix: `set it to one of ${allPrivateDnsManagers.join(", ")}`,
      }),
    },
  ];
}

export const endpointZoneGroups: StackRule<EndpointZoneGroupsConfig> = {
  name: "endpoint-dns-zone-group",
  description:
    "Every private endpoint needs a DNS zone group naming the zones of its group ids; a workspace endpoint needs both the api and the notebooks zone. A stack whose private DNS Azure Policy manages (stack tag azureml:private-dns=azure-policy) must write none; with custom-dns they are optional.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      cloud: { type: "string", enum: [...allClouds] },
      privateDns: {
        type: "string",
        enum: [...allPrivateDnsManagers],
        description: `Who manages private DNS for every stack of the policy group; unset, the stack tag ${privateDnsTag} decides (default program).`,
      },
    },
  },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Give each private endpoint one `PrivateDnsZoneGroup` naming every zone of its group id (a workspace endpoint: `privatelink.api.azureml.ms` and `privatelink.notebooks.azure.net` in the public cloud).",
    "",
    '- azure-native: `new network.PrivateDnsZoneGroup(name, { resourceGroupName, privateEndpointName: pe.name, privateDnsZoneGroupName: "default", privateDnsZoneConfigs: [{ name: "api", privateDnsZoneId: apiZone.id }, { name: "notebooks", privateDnsZoneId: notebooksZone.id }] })`.',
    '- Components: `WorkspaceNetwork` / `PrivateEndpointSet` with `dnsMode: "OwnZones"` (default) or `"ExistingZones"` with `existingZoneIds` write complete zone groups.',
    `- DNS managed outside the program: tag the stack \`${privateDnsTag}\` = \`azure-policy\` (landing zone; then use \`dnsMode: "AzurePolicy"\` and write no zone group) or \`custom-dns\` (\`dnsMode: "None"\`; create the records from the set's \`dnsRecords\` output).`,
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["dns", "private-endpoint", "network-isolation"],
  check: (model, config, context) => {
    const declaration = privateDnsDeclaration(config.privateDns, context?.stackTags ?? new Map());
    const allGroupsTied = model.zoneGroups.every((g) => typeof g.endpoint === "string");
    return [
      ...invalidTag(declaration),
      ...model.endpoints.flatMap((e) => check(model, e, config, allGroupsTied, declaration)),
    ];
  },
};
