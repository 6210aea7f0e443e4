/**
 * Whether a set's VNet resolves and reaches the endpoints it omits (a spoke using its hub's). The question
 * the policy pack's model answers for a whole stack, asked here of one set before anything is registered:
 * reached only through a peering with the hub, and resolved only through DNS servers (a resolver or firewall
 * in the hub), links to the central zones the hub's endpoints write, or custom DNS the pack cannot see.
 */
import { DnsModes } from "../dns/dnsModes";
import { planEndpoints } from "./endpointPlan";
import type { EndpointSetLayout, EndpointSetProblem } from "./validateEndpointSets";

/** How the set's VNet resolves the names of endpoints that are not its own; undefined when it cannot. */
function resolutionPath(set: EndpointSetLayout): string | undefined {
  const mode = set.dnsMode ?? DnsModes.OwnZones;
  if (set.dnsServers !== undefined) return `through its DNS servers ${set.dnsServers.join(", ")}`;
  if (mode === DnsModes.ExistingZones && set.linkExistingZones === true)
    return "through the central zones linked to it";
  if (mode === DnsModes.None || mode === DnsModes.AzurePolicy) return "through DNS outside this program";
  return undefined;
}

/** The problem with the endpoints the set omits, if its VNet could not resolve or reach them. */
export function omittedEndpointProblem(set: EndpointSetLayout): EndpointSetProblem | undefined {
  if (set.endpoints === undefined) return undefined;
  const held = new Set(planEndpoints(set).map((e) => e.key));
  const omitted = planEndpoints({ ...set, endpoints: undefined }).filter((e) => !held.has(e.key));
  if (omitted.length === 0) return undefined;
  const names = [...new Set(omitted.map((e) => e.groupId))].join(", ");
  const path = resolutionPath(set);
  const reason =
    set.hubVirtualNetworkId === undefined
      ? `this VNet is not peered with a hub (hubVirtualNetworkId), so it reaches only its own endpoints and could not reach ${names}; add them to endpoints or peer the VNet with the hub that holds them`
      : path === undefined
        ? `this VNet resolves through Azure DNS with only its own links, so the names of ${names} would resolve to public addresses; set dnsServers to the hub's resolver, or dnsMode ExistingZones with linkExistingZones: true`
        : undefined;
  return reason === undefined
    ? undefined
    : { set: set.name, property: "endpoints", value: JSON.stringify(set.endpoints), reason };
}
