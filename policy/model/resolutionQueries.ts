/**
 * Name resolution questions the rules share, asked of the model's network graph: whether a VNet resolves
 * and reaches a target's sub-resource (every zone of its group id, and a per-region zone where one answers),
 * and whether a VNet is isolated (no peering, DNS server or forwarding ruleset: it reaches nothing but
 * itself, as before the graph existed).
 */
import { regionalZonesFor, zonesFor, type AzureCloud, type GroupId } from "../azure/clouds";
import { cloudOfRegion } from "../azure/locations";
import { dnsName, type NetworkGraph } from "./networkGraph";
import { resolveTarget, worstOf, type Resolution } from "./resolution";
import { dependenciesOf, isPrivateService, requiredGroupIds } from "./queries";
import type { Key, StackModel, Workspace } from "./types";
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
  return worstOf([
    ...zones.map((zone) => resolveTarget(model.network, vnet, target, zone)),
    ...regionalAnswers(model, vnet, target, groupId as GroupId, cloud),
  ]);
}

const zoneNamesByGraph = new WeakMap<NetworkGraph, ReadonlySet<string>>();

/** The names of the zones the graph holds, once per graph. */
function zoneNamesIn(graph: NetworkGraph): ReadonlySet<string> {
  let names = zoneNamesByGraph.get(graph);
  if (!names) {
    names = new Set(
      [...graph.zones.values()].flatMap((z) => (typeof z.name === "string" ? [dnsName(z.name)] : [])),
    );
    zoneNamesByGraph.set(graph, names);
  }
  return names;
}

/**
 * The target's per-region zones (a registry's `<region>.data.privatelink.azurecr.io`) where one answers `vnet`:
 * a private DNS zone answers every name under it, so once such a zone is linked where the name resolves, the
 * data endpoint resolves only from a record there (else NXDOMAIN). Where none is linked, the group's zone covers
 * the name and answers it as it answers the group's own name (or both go unanswered alike); where none exists
 * in the stack, the group's zone is the only one asked.
 */
export function regionalAnswers(
  model: StackModel,
  vnet: Key,
  target: Key,
  groupId: GroupId,
  cloud: AzureCloud,
): Resolution[] {
  const region = model.services.get(target)?.location;
  if (typeof region !== "string") return [];
  const present = zoneNamesIn(model.network);
  return regionalZonesFor(cloud, groupId, region)
    .filter((zone) => present.has(dnsName(zone)))
    .map((zone) => resolveTarget(model.network, vnet, target, zone));
}

/**
 * The workspace's private dependencies (storage blob and file, key vault, registry) whose names `vnet` does
 * not resolve to an endpoint it reaches, with the path: what a compute cluster's VNet must also reach.
 */
export function unreachedDependencies(
  model: StackModel,
  vnet: Key,
  workspace: Workspace,
): { key: Key; groupId: string; answer: Resolution }[] {
  const cloud = cloudOfLocation(workspace.location);
  return dependenciesOf(workspace)
    .filter((d) => isPrivateService(model, d.key))
    .flatMap((d) =>
      requiredGroupIds.customerVnet[d.kind].flatMap((groupId) => {
        const answer = resolveGroupId(model, vnet, d.key, groupId, cloud);
        return answer?.verdict === "broken" ? [{ key: d.key, groupId, answer }] : [];
      }),
    );
}

/** A VNet of the stack with no peering either way, no DNS server and no forwarding ruleset. */
export function isIsolated(model: StackModel, vnet: Key): boolean {
  return model.network.isIsolated(vnet);
}
