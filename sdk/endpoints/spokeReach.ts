/**
 * Whether a set's VNet resolves and reaches the endpoints it omits (a spoke using its hub's), asked of the
 * policy pack's own resolution model (policy/model/resolution.ts) on a graph of this one set, so a refusal
 * here gives the path and reason the pack gives for the deployed stack.
 *
 * The graph: the set's VNet with its DNS servers; the hub and the VNets of `peerings` outside the graph (another
 * stack's, or not known at preview: the model counts a peering to one as connected); each omitted target's
 * endpoint in the services set's VNet when another set of the WorkspaceNetwork creates it and holds that endpoint
 * (peered with the hub when it names the same hub, and with this set's VNet both ways when one of its peerings
 * may name it), else in the hub, or the first VNet of `peerings`, or in a VNet the set is not peered with; with dnsMode ExistingZones the central zones, holding the omitted endpoints' records and linked to
 * the set's VNet with linkExistingZones or by the program's CentralPrivateDns; with OwnZones only the set's own
 * zones. A DNS server IP in the set's own range or a peered VNet is not seen (unknown); with no peering, one outside its range is in a VNet it is
 * not peered with (168.63.129.16 is Azure DNS: no host). With subnetOutbound Firewall the subnet's default
 * route goes to the firewall in the hub, which the components' peerings let forward between spokes
 * (model/transit.ts). Unknown answers (DNS servers outside what the set can see) are never refused.
 */
import { azureDnsIp } from "../../policy/azure/azureDnsIp";
import { contains, parseCidr } from "../../policy/azure/cidr";
import { type AzureCloud, AzureClouds, isAzureCloud, zonesFor } from "../../policy/azure/clouds";
import {
  NetworkGraph,
  type DnsHost,
  type GraphPeering,
  type GraphRoute,
  type GraphZone,
  type NetworkGraphInput,
} from "../../policy/model/networkGraph";
import { platformGraphInput } from "../../policy/model/platformNetwork";
import {
  describePath,
  resolveTarget,
  ResolutionFaults,
  type ResolutionFault,
} from "../../policy/model/resolution";
import { ArmTypes, isArmIdOfType, parseArmId } from "../../policy/azure/armId";
import { unknown, type Maybe } from "../../policy/model/unknownValue";
import { DnsModes } from "../dns/dnsModes";
import { SubnetOutbounds } from "../network/networkModes";
import { planEndpoints, type PlannedEndpoint } from "./endpointPlan";
import type { EndpointSetLayout, EndpointSetProblem } from "./validateEndpointSets";

const setVnet = "set";
const hubVnet = "hub";
const unpeeredVnet = "elsewhere";
const servicesVnet = "services";
/** The graph's key of the VNet of `peerings.<key>` (outside the graph, like the hub: its other side is unseen). */
const peerVnet = (key: string) => `peer:${key}`;

/** One side of a peering the components create (vnetPeering.ts: access and forwarded traffic allowed). */
function componentPeering(from: string, to: string, label: string): GraphPeering {
  return {
    key: `${from}->${to}`,
    label,
    from,
    to,
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
  };
}

/** Whether the set's VNet is peered with any VNet: its hub, or one of `peerings`. */
function isPeered(set: EndpointSetLayout): boolean {
  return set.hubVirtualNetworkId !== undefined || Object.keys(set.peerings ?? {}).length > 0;
}

/**
 * The DNS servers the set certainly cannot reach: with no peering, those outside its own range (what a server
 * in its range or in a peered VNet answers is not seen here: unknown, never refused).
 */
function unreachableDnsHosts(set: EndpointSetLayout, servers: readonly string[]): DnsHost[] {
  if (isPeered(set)) return [];
  const own = (set.addressSpace ?? []).flatMap((c) => parseCidr(c) ?? []);
  return servers
    .filter((ip) => {
      const cidr = parseCidr(`${ip}/32`);
      return cidr !== undefined && ip !== azureDnsIp && !own.some((c) => contains(c, cidr));
    })
    .map((ip) => ({
      key: `dns:${ip}`,
      label: `DNS server ${ip}`,
      kind: "resolverInbound",
      ip,
      vnet: unpeeredVnet,
    }));
}

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
  const linked =
    mode === DnsModes.OwnZones || set.linkExistingZones === true || set.programLinks === "linked";
  const endpointOf = (e: PlannedEndpoint, vnet: string) => ({
    key: `pe:${e.key}`,
    label: `the ${e.groupId} endpoint of ${e.kind}`,
    vnet,
    targets: [e.key],
  });
  // Endpoints the services set does not hold are in the hub, else in a VNet of peerings (which one is not known).
  const peeringKeys = Object.keys(set.peerings ?? {});
  const hubOrElsewhere =
    set.hubVirtualNetworkId !== undefined
      ? hubVnet
      : peeringKeys.length > 0
        ? peerVnet(peeringKeys[0])
        : unpeeredVnet;
  const services = set.endpointsVnet;
  const elsewhere = (e: PlannedEndpoint) =>
    services?.endpoints.includes(e.key) ? servicesVnet : hubOrElsewhere;
  // The services set peers with the hub this set names (both literal): the firewall there may join them.
  const sharedHub =
    services !== undefined &&
    set.hubVirtualNetworkId !== undefined &&
    set.hubVirtualNetworkId !== "" &&
    services.hubVirtualNetworkId === set.hubVirtualNetworkId;
  // The firewall's IP ("" when not known at plan time: the route then cannot be judged).
  const firewallIp = set.subnetOutbound === SubnetOutbounds.Firewall ? set.firewallPrivateIp : undefined;
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
      ...(services
        ? [
            {
              key: servicesVnet,
              label: `set ${services.set}'s VNet`,
              addressPrefixes: [...(services.addressSpace ?? [])],
              dnsServers: undefined,
            },
          ]
        : []),
    ],
    peerings: [
      ...(set.hubVirtualNetworkId !== undefined
        ? [componentPeering(setVnet, hubVnet, `set ${set.name}'s peering to the hub`)]
        : []),
      ...peeringKeys.map((key) =>
        componentPeering(setVnet, peerVnet(key), `set ${set.name}'s peering ${key}`),
      ),
      ...(sharedHub
        ? [componentPeering(servicesVnet, hubVnet, `set ${services.set}'s peering to the hub`)]
        : []),
      // A peering of `peerings` names the services set's VNet: both sides, as the components create them.
      ...(services?.peeredBy !== undefined
        ? [
            componentPeering(setVnet, servicesVnet, `set ${set.name}'s peering ${services.peeredBy}`),
            componentPeering(
              servicesVnet,
              setVnet,
              `set ${set.name}'s peering ${services.peeredBy}, remote side`,
            ),
          ]
        : []),
    ],
    routes:
      firewallIp !== undefined && set.hubVirtualNetworkId !== undefined
        ? [defaultRoute(set, firewallIp === "" ? unknown : firewallIp)]
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
    endpoints: [
      ...held.map((e) => endpointOf(e, setVnet)),
      ...omitted.map((e) => endpointOf(e, elsewhere(e))),
    ],
    dnsHosts: [
      ...platform.dnsHosts,
      ...(Array.isArray(dnsServers) ? unreachableDnsHosts(set, dnsServers) : []),
      ...(firewallIp
        ? [
            {
              key: "firewall",
              label: "the hub firewall",
              kind: "firewall" as const,
              ip: firewallIp,
              vnet: hubVnet,
            },
          ]
        : []),
    ],
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    labelOf: (key) =>
      key === hubVnet
        ? "the hub VNet"
        : key.startsWith(peerVnet(""))
          ? `the VNet of peerings.${key.slice(peerVnet("").length)}`
          : key,
  };
}

/** The default route subnetOutbound Firewall gives the set's subnet (endpointNetwork.ts). */
function defaultRoute(set: EndpointSetLayout, firewallIp: Maybe<string>): GraphRoute {
  return {
    key: "default-to-firewall",
    label: `set ${set.name}'s default route`,
    subnet: "set/subnet",
    subnetLabel: `set ${set.name}'s subnet`,
    vnet: setVnet,
    addressPrefix: "0.0.0.0/0",
    nextHopType: "VirtualAppliance",
    nextHopIp: firewallIp,
  };
}

/**
 * The services set's VNet must be reached whatever the DNS path answers (it may be the hub's, unseen here):
 * the endpoints it holds, when the set cannot reach it; undefined when it can, or there is no such VNet.
 */
function servicesUnreached(
  set: EndpointSetLayout,
  omitted: readonly PlannedEndpoint[],
): string[] | undefined {
  const services = set.endpointsVnet;
  if (!services) return undefined;
  const reach = new NetworkGraph(spokeGraph(set, cloudOf(set), omitted)).connected(setVnet, servicesVnet);
  if (reach.verdict !== "broken") return undefined;
  const keys = omitted.filter((e) => services.endpoints.includes(e.key)).map((e) => e.key);
  return [`${keys.join(", ")}: in set ${services.set}'s VNet, which it cannot reach (${reach.route})`];
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

/** The endpoints the set leaves out (to a hub's), when it lists the ones it holds. */
function omittedOf(set: EndpointSetLayout): PlannedEndpoint[] {
  if (set.endpoints === undefined) return [];
  const held = new Set(planEndpoints(set).map((e) => e.key));
  return planEndpoints({ ...set, endpoints: undefined }).filter((e) => !held.has(e.key));
}

function cloudOf(set: EndpointSetLayout): AzureCloud {
  return set.cloud !== undefined && isAzureCloud(set.cloud) ? set.cloud : AzureClouds.AzureCloud;
}

/** The problem with the endpoints the set omits, if by the model its VNet could not resolve or reach them. */
export function omittedEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  const omitted = omittedOf(set);
  if (omitted.length === 0) return undefined;
  // Links the program may make to the set's VNet are judged once the VNet exists (linksSetVnet): reach now.
  const judged = set.programLinks === "pending" ? { ...set, programLinks: "linked" as const } : set;
  const broken =
    servicesUnreached(judged, omitted) ??
    brokenPaths(judged, cloudOf(judged), omitted, omitted).map((b) => b.text);
  if (broken.length === 0) return undefined;
  return {
    set: set.name,
    property: "endpoints",
    value: JSON.stringify(set.endpoints),
    reason: `the VNet could not use the endpoints it omits (${broken.join(" | ")}); add them to endpoints, or peer the VNet with the hub that holds them (hubVirtualNetworkId) and resolve through it (dnsServers, or dnsMode ExistingZones with linkExistingZones)${set.endpointsVnet ? `; set ${set.endpointsVnet.set} holds them in its own VNet: peer this set's VNet with it directly (peerings.<name>.remoteVirtualNetworkId), or peer both sets with one hub (hubVirtualNetworkId) and route this set through its firewall (subnetOutbound Firewall, firewallPrivateIp)` : ""}`,
  };
}

/**
 * The problem with a spoke's own endpoints, if by the model its VNet could not resolve them: with dnsMode
 * ExistingZones their records go into the existing (central) zones, which answer the spoke only through a DNS
 * server (the hub's resolver) or a link. A set that is not a spoke is left to the pack: its zones may be linked
 * by their owner (a landing zone).
 */
export function heldEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  // With platformHub the same paths are asked through the described hub, naming its arguments.
  if (set.platformHub !== undefined) return undefined;
  if (!isPeered(set) || set.dnsMode !== DnsModes.ExistingZones) return undefined;
  // Links the program may make to the set's VNet are judged once the VNet exists (linksSetVnet).
  if (set.programLinks === "pending") return undefined;
  const broken = brokenPaths(set, cloudOf(set), planEndpoints(set), omittedOf(set)).map((b) => b.text);
  if (broken.length === 0) return undefined;
  return {
    set: set.name,
    property: "dnsServers",
    value: "(not set)",
    reason: `the spoke's VNet could not resolve its own endpoints (${broken.join(" | ")}); give dnsServers (the hub's resolver, CentralPrivateDns.inboundEndpointIp) or linkExistingZones: true`,
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
