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
import { describePath, resolveTarget } from "../../policy/model/resolution";
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
  return {
    vnets: [
      { key: setVnet, label: `set ${set.name}'s VNet`, dnsServers },
      { key: unpeeredVnet, label: "a VNet this set is not peered with", dnsServers: undefined },
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
    zones,
    links: linked
      ? zones.map((z) => ({ key: `link:${z.key}`, label: `link to ${z.label}`, zone: z.key, vnet: setVnet }))
      : [],
    records: [...recordsOf(held), ...(central ? recordsOf(omitted) : [])],
    endpoints: [...held.map((e) => endpointOf(e, setVnet)), ...omitted.map((e) => endpointOf(e, elsewhere))],
    dnsHosts: [],
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    labelOf: (key) => (key === hubVnet ? "the hub VNet" : key),
  };
}

/** The paths by which the set's VNet could not resolve `endpoints`, by the model, as `key: path`. */
function brokenPaths(
  set: EndpointSetLayout,
  omitted: readonly PlannedEndpoint[],
  endpoints: readonly PlannedEndpoint[],
): string[] {
  const cloud = set.cloud !== undefined && isAzureCloud(set.cloud) ? set.cloud : AzureClouds.AzureCloud;
  const graph = new NetworkGraph(spokeGraph(set, cloud, omitted));
  return endpoints.flatMap((e) =>
    zonesFor(cloud, e.groupId).flatMap((zone) => {
      const answer = resolveTarget(graph, setVnet, e.key, zone);
      return answer.verdict === "broken" ? [`${e.key}: ${describePath(answer)}`] : [];
    }),
  );
}

/** The endpoints the set leaves out (to a hub's), when it lists the ones it holds. */
function omittedOf(set: EndpointSetLayout): PlannedEndpoint[] {
  if (set.endpoints === undefined) return [];
  const held = new Set(planEndpoints(set).map((e) => e.key));
  return planEndpoints({ ...set, endpoints: undefined }).filter((e) => !held.has(e.key));
}

/** The problem with the endpoints the set omits, if by the model its VNet could not resolve or reach them. */
export function omittedEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  const omitted = omittedOf(set);
  if (omitted.length === 0) return undefined;
  const broken = brokenPaths(set, omitted, omitted);
  if (broken.length === 0) return undefined;
  return {
    set: set.name,
    property: "endpoints",
    value: JSON.stringify(set.endpoints),
    reason: `the VNet could not use the endpoints it omits (${broken.join(" | ")}); add them to endpoints, or peer the VNet with the hub that holds them (hubVirtualNetworkId) and resolve through it (dnsServers, or dnsMode ExistingZones with linkExistingZones)`,
  };
}

/**
 * The problem with a spoke's own endpoints, if by the model its VNet could not resolve them: with dnsMode
 * ExistingZones their records go into the existing (central) zones, which answer the spoke only through a DNS
 * server (the hub's resolver) or a link. A set that is not a spoke is left to the pack: its zones may be linked
 * by their owner (a landing zone).
 */
export function heldEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  if (set.hubVirtualNetworkId === undefined || set.dnsMode !== DnsModes.ExistingZones) return undefined;
  const broken = brokenPaths(set, omittedOf(set), planEndpoints(set));
  if (broken.length === 0) return undefined;
  return {
    set: set.name,
    property: "dnsServers",
    value: "(not set)",
    reason: `the spoke's VNet could not resolve its own endpoints (${broken.join(" | ")}); give dnsServers (the hub's resolver, CentralPrivateDns.inboundEndpointIp) or linkExistingZones: true`,
  };
}
