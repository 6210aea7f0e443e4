/**
 * Whether a set's VNet resolves and reaches the endpoints it omits (a spoke using its hub's), asked of the
 * policy pack's own resolution model (policy/model/resolution.ts) on a graph of this one set, so a refusal
 * here gives the path and reason the pack gives for the deployed stack.
 *
 * The graph: the set's VNet with its DNS servers; the hub outside the graph (another stack's, or not known at
 * preview: the model counts a peering to it as connected); each omitted target's endpoint in the hub, or in a
 * VNet the set is not peered with when it has no hub; with dnsMode ExistingZones the central zones, holding
 * the omitted endpoints' records and linked to the set's VNet with linkExistingZones; with OwnZones only the
 * set's own zones. Unknown answers (DNS servers outside what the set can see) are never refused.
 */
import { type AzureCloud, AzureClouds, isAzureCloud, zonesFor } from "../../policy/azure/clouds";
import { NetworkGraph, type GraphZone, type NetworkGraphInput } from "../../policy/model/networkGraph";
import { platformGraphInput } from "../../policy/model/platformNetwork";
import {
  describePath,
  resolveTarget,
  ResolutionFaults,
  type ResolutionFault,
} from "../../policy/model/resolution";
import { ArmTypes, isArmIdOfType, parseArmId } from "../../policy/azure/armId";
import { unknown } from "../../policy/model/unknownValue";
import { DnsModes } from "../dns/dnsModes";
import { planEndpoints, type PlannedEndpoint } from "./endpointPlan";
import type { EndpointSetLayout, EndpointSetProblem } from "./validateEndpointSets";

const setVnet = "set";
const hubVnet = "hub";
const unpeeredVnet = "elsewhere";

/** The graph of one set and the endpoints it omits. */
export function spokeGraph(
  set: EndpointSetLayout,
  cloud: AzureCloud,
  omitted: readonly PlannedEndpoint[],
): NetworkGraphInput {
  const mode = set.dnsMode ?? DnsModes.OwnZones;
  const held = planEndpoints(set);
  const central = mode === DnsModes.ExistingZones;
  // The zones answering for this VNet's endpoints: the set's own, or the central ones (which also hold the hub's).
  const zoneNames = [
    ...new Set((central ? [...held, ...omitted] : held).flatMap((e) => zonesFor(cloud, e.groupId))),
  ];
  const zones: GraphZone[] = zoneNames.map((name) => ({ key: `zone:${name}`, label: name, name }));
  const linked = mode === DnsModes.OwnZones || set.linkExistingZones === true;
  const endpointOf = (e: PlannedEndpoint, vnet: string) => ({
    key: `pe:${e.key}`,
    label: `the ${e.groupId} endpoint of ${e.kind}`,
    vnet,
    targets: [e.key],
  });
  const elsewhere = set.hubVirtualNetworkId !== undefined ? hubVnet : unpeeredVnet;
  const recordsOf = (endpoints: readonly PlannedEndpoint[]) =>
    endpoints.flatMap((e) =>
      zonesFor(cloud, e.groupId).map((z) => ({ zone: `zone:${z}`, endpoint: `pe:${e.key}` })),
    );
  // Custom DNS (None, AzurePolicy) without servers given: where the VNet resolves is not known here.
  const customDns = mode === DnsModes.None || mode === DnsModes.AzurePolicy;
  const dnsServers =
    set.dnsServers !== undefined
      ? set.dnsServers.some((s) => s === "")
        ? unknown
        : [...set.dnsServers]
      : customDns
        ? unknown
        : undefined;
  // The hub the platform describes: its VNet is the graph's hub, its zones those of the same names here.
  const platform = set.platformHub
    ? platformGraphInput([set.platformHub], (id) =>
        isArmIdOfType(id, ArmTypes.virtualNetwork) ? hubVnet : `zone:${parseArmId(id)?.name.toLowerCase()}`,
      )
    : { vnets: [], dnsHosts: [], zones: [], links: [] };
  const platformZones = new Set(platform.zones.map((z) => z.key));
  return {
    vnets: [
      { key: setVnet, label: `set ${set.name}'s VNet`, dnsServers },
      { key: unpeeredVnet, label: "a VNet this set is not peered with", dnsServers: undefined },
      ...platform.vnets,
    ],
    peerings:
      set.hubVirtualNetworkId !== undefined
        ? [
            {
              key: "to-hub",
              label: `set ${set.name}'s peering to the hub`,
              from: setVnet,
              to: hubVnet,
              allowVirtualNetworkAccess: true,
            },
          ]
        : [],
    zones: [...platform.zones, ...zones.filter((z) => !platformZones.has(z.key))],
    links: [
      ...(linked
        ? zones.map((z) => ({
            key: `link:${z.key}`,
            label: `link to ${z.label}`,
            zone: z.key,
            vnet: setVnet,
          }))
        : []),
      ...platform.links,
    ],
    records: [...recordsOf(held), ...(central ? recordsOf(omitted) : [])],
    endpoints: [...held.map((e) => endpointOf(e, setVnet)), ...omitted.map((e) => endpointOf(e, elsewhere))],
    dnsHosts: platform.dnsHosts,
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    labelOf: (key) => (key === hubVnet ? "the hub VNet" : key),
  };
}

/** The broken paths from the set's VNet to `endpoints`' names, in words, with the fault of each. */
function brokenPaths(
  set: EndpointSetLayout,
  cloud: AzureCloud,
  endpoints: readonly PlannedEndpoint[],
  omitted: readonly PlannedEndpoint[],
): { text: string; fault?: ResolutionFault }[] {
  const graph = new NetworkGraph(spokeGraph(set, cloud, omitted));
  return endpoints.flatMap((e) =>
    zonesFor(cloud, e.groupId).flatMap((zone) => {
      const answer = resolveTarget(graph, setVnet, e.key, zone);
      return answer.verdict === "broken"
        ? [{ text: `${e.key}: ${describePath(answer)}`, fault: answer.fault }]
        : [];
    }),
  );
}

function cloudOf(set: EndpointSetLayout): AzureCloud {
  return set.cloud !== undefined && isAzureCloud(set.cloud) ? set.cloud : AzureClouds.AzureCloud;
}

/** The problem with the endpoints the set omits, if by the model its VNet could not resolve or reach them. */
export function omittedEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  if (set.endpoints === undefined) return undefined;
  const held = new Set(planEndpoints(set).map((e) => e.key));
  const omitted = planEndpoints({ ...set, endpoints: undefined }).filter((e) => !held.has(e.key));
  if (omitted.length === 0) return undefined;
  const broken = brokenPaths(set, cloudOf(set), omitted, omitted);
  if (broken.length === 0) return undefined;
  return {
    set: set.name,
    property: "endpoints",
    value: JSON.stringify(set.endpoints),
    reason: `the VNet could not use the endpoints it omits (${broken.map((b) => b.text).join(" | ")}); add them to endpoints, or peer the VNet with the hub that holds them (hubVirtualNetworkId) and resolve through it (dnsServers, or dnsMode ExistingZones with linkExistingZones)`,
  };
}

/** The argument to change for a broken path through the platform's hub, and how. */
const platformFixes: Partial<Record<ResolutionFault, { property: string; fix: string }>> = {
  [ResolutionFaults.notRunByPlatform]: {
    property: "dnsServers",
    fix: "name a DNS server the hub runs (platformHub.dnsServers), or leave dnsServers out to use them",
  },
  [ResolutionFaults.zoneNotLinked]: {
    property: "platformHub.privateDnsZoneIds",
    fix: "the hub answers from the zones linked to it: have the platform team link a zone of that name and list it, or give this set dnsMode OwnZones",
  },
};

/**
 * With `platformHub`: the problems of the set's own endpoints' names, asked through the described hub (its DNS
 * server, its zones), one per argument to change.
 */
export function platformHubReachProblems(set: EndpointSetLayout): EndpointSetProblem[] {
  if (set.platformHub === undefined) return [];
  const broken = brokenPaths(set, cloudOf(set), planEndpoints(set), []);
  const byProperty = new Map<string, { fix: string; paths: string[] }>();
  for (const b of broken) {
    const { property, fix } = (b.fault && platformFixes[b.fault]) ?? {
      property: "platformHub",
      fix: "resolve through a DNS server and zones the platform's hub runs",
    };
    const entry = byProperty.get(property) ?? { fix, paths: [] };
    entry.paths.push(b.text);
    byProperty.set(property, entry);
  }
  return [...byProperty].map(([property, { fix, paths }]) => ({
    set: set.name,
    property,
    value:
      property === "dnsServers"
        ? JSON.stringify(set.dnsServers)
        : property === "platformHub.privateDnsZoneIds"
          ? JSON.stringify(set.platformHub?.privateDnsZoneIds ?? [])
          : set.platformHub!.name,
    reason: `the VNet could not resolve its own endpoints through the platform's hub '${set.platformHub!.name}' (${paths.join(" | ")}); ${fix}`,
  }));
}
