/**
 * Findings on a name resolution path the network graph followed: the fix for each fault, and the resource a
 * path fault is reported on (the VNet whose DNS server it cannot reach, the firewall policy without DNS
 * proxy), so a path shared by many endpoints is reported once, where it is fixed.
 */
import { describePath, ResolutionFaults, type NameAnswer, type ResolutionFault } from "../model/resolution";
import type { Key, StackModel } from "../model/types";
import { message } from "../pack/message";
import type { Violation } from "../pack/rule";
import { quotes } from "./quotes";

export const resolutionFixes: Readonly<Record<ResolutionFault, string>> = {
  [ResolutionFaults.dnsServersUnknown]: "nothing to fix if the DNS servers are right; the update checks them",
  [ResolutionFaults.outsideStack]:
    "make sure that DNS server resolves the privatelink zones (it asks Azure DNS from a VNet linked to them)",
  [ResolutionFaults.dnsHostUnreachable]:
    "peer the two VNets in both directions with allowVirtualNetworkAccess, or name a DNS server in a VNet this one is peered with",
  [ResolutionFaults.noDnsProxy]:
    "enable DNS proxy in the firewall's policy (dnsSettings.enableProxy: true; classic provider: dns.proxyEnabled)",
  [ResolutionFaults.forwardingLoop]:
    "forward the domain to a resolver inbound endpoint or DNS server that asks Azure DNS, not back along the path",
  [ResolutionFaults.zoneNotLinked]:
    "link the zone to the VNet where the path ends (its Azure DNS answers the query), with registrationEnabled: false",
  [ResolutionFaults.duplicateZones]: "keep one zone of each name linked to a VNet",
  [ResolutionFaults.noRecord]:
    "have the endpoint's zone group write into the zone that answers (the one linked where the path ends)",
  [ResolutionFaults.endpointUnreachable]:
    "peer the VNet both ways with the endpoint's VNet, or resolve to an endpoint it reaches",
  [ResolutionFaults.notRunByPlatform]:
    "name a DNS server the platform runs in that hub (platform-network.hubs[].dnsServers), or have the platform team add this one to its description",
};

/** Fixes where the fault is at a hub the platform describes: its description (or the platform team) changes. */
const platformFixes: Partial<Record<ResolutionFault, string>> = {
  [ResolutionFaults.zoneNotLinked]:
    "have the platform link a zone of that name to its hub and list its id in platform-network.hubs[].privateDnsZoneIds, or write the endpoint's records into a zone the platform lists",
  [ResolutionFaults.noDnsProxy]:
    "name a DNS server the platform runs (platform-network.hubs[].dnsServers); a hub firewall answers DNS only when described with kind firewallProxy",
};

/** The fix for a fault: the platform's where the fault is at a hub it describes, else the stack's. */
export function fixOf(model: StackModel, answer: NameAnswer): string {
  const at = answer.faultAt;
  const graph = model.network;
  const platform = at !== undefined && (graph.isDescribed(at) || graph.hosts.get(at)?.platform !== undefined);
  return (platform && platformFixes[answer.fault!]) || resolutionFixes[answer.fault!];
}

/** Faults of the path itself, not of one zone: reported once on the resource at fault. */
const pathFaults: ReadonlySet<ResolutionFault> = new Set([
  ResolutionFaults.dnsHostUnreachable,
  ResolutionFaults.noDnsProxy,
  ResolutionFaults.forwardingLoop,
  ResolutionFaults.notRunByPlatform,
]);

export function isPathFault(answer: NameAnswer): boolean {
  return answer.verdict === "broken" && answer.fault !== undefined && pathFaults.has(answer.fault);
}

/** The URN a path fault is reported on: the firewall's policy (or the firewall), else the VNet at fault. */
function faultUrn(model: StackModel, key: Key | undefined, asking: Key): string {
  const firewall = model.firewalls.find((f) => f.key === key);
  if (firewall) {
    const policy =
      typeof firewall.policy === "string" ? model.firewallPolicies.get(firewall.policy) : undefined;
    return policy?.urn ?? firewall.urn;
  }
  return model.vnets.get(key ?? asking)?.urn ?? model.vnets.get(asking)?.urn ?? "";
}

/**
 * A broken DNS path from `asking`: the same for every name it asks, so one finding however many endpoints and
 * zones meet it.
 */
export function pathViolation(model: StackModel, asking: Key, answer: NameAnswer): Violation {
  return {
    urn: faultUrn(model, answer.faultAt, asking),
    message: message({
      subject: model.label(asking),
      problem: `cannot resolve the private link names of its endpoints: ${describePath(answer)}`,
      quote: quotes.hubSpokeResolution,
      fix: fixOf(model, answer),
    }),
  };
}

/** Violations once each (several endpoints meet the same broken path). */
export function unique(violations: readonly Violation[]): Violation[] {
  const seen = new Map<string, Violation>();
  for (const v of violations) if (!seen.has(`${v.urn}\n${v.message}`)) seen.set(`${v.urn}\n${v.message}`, v);
  return [...seen.values()];
}
