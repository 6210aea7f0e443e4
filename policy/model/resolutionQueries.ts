/**
 * Name resolution questions the rules share, asked of the model's network graph: whether a VNet resolves
 * and reaches a target's sub-resource (every zone of its group id), and whether a VNet is isolated (no
 * peering, DNS server or forwarding ruleset: it reaches nothing but itself, as before the graph existed).
 */
import { zonesFor, type AzureCloud, type GroupId } from "../azure/clouds";
import { cloudOfRegion } from "../azure/locations";
import { resolveTarget, worstOf, type Resolution } from "./resolution";
import type { Key, StackModel } from "./types";
import type { Maybe } from "./values";

export function cloudOfLocation(location: Maybe<string>): AzureCloud {
  return (typeof location === "string" && cloudOfRegion(location)) || "AzureCloud";
}

/** How `vnet` resolves every zone name of `groupId` for `target`; the worst answer stands. */
export function resolveGroupId(
  model: StackModel,
  vnet: Key,
  target: Key,
  groupId: string,
  cloud: AzureCloud,
): Resolution | undefined {
  const zones = zonesFor(cloud, groupId as GroupId) ?? [];
  if (zones.length === 0) return undefined;
  return worstOf(zones.map((zone) => resolveTarget(model.network, vnet, target, zone)));
}

/** A VNet of the stack with no peering either way, no DNS server and no forwarding ruleset. */
export function isIsolated(model: StackModel, vnet: Key): boolean {
  return model.network.isIsolated(vnet);
}
