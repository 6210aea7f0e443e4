/** Look-ups over the model that several rules share; all go through the model's indexes. */
import type { Compute, Key, OutboundRule, PrivateEndpoint, StackModel, Workspace } from "./types";
import { isUnknown, type Maybe } from "./values";

export function endpointsOf(model: StackModel, target: Key): PrivateEndpoint[] {
  return model.endpointsByTarget.get(target) ?? [];
}

export function workspaceOf(model: StackModel, key: Maybe<Key>): Workspace | undefined {
  return typeof key === "string" ? model.workspacesByKey.get(key) : undefined;
}

/** Group ids (lower case) of the endpoint's connections to `target`; unknown when any of them is. */
export function groupIdsTo(endpoint: PrivateEndpoint, target: Key): Maybe<string[]> {
  const ids: string[] = [];
  for (const connection of endpoint.connections) {
    if (connection.target !== target) continue;
    if (isUnknown(connection.groupIds)) return connection.groupIds;
    ids.push(...(connection.groupIds ?? []).map((g) => g.toLowerCase()));
  }
  return ids;
}

/**
 * A dependency is private when the stack gives it a private endpoint or turns its public access off; only
 * then must every workspace VNet reach it through endpoints of its own.
 */
export function isPrivateService(model: StackModel, key: Key): boolean {
  if (endpointsOf(model, key).length > 0) return true;
  const access = model.services.get(key)?.publicNetworkAccess;
  return typeof access === "string" && access.toLowerCase() === "disabled";
}

/** The group ids a VNet needs per dependency kind: computes in customer VNets, or clients of a managed network. */
export const requiredGroupIds = {
  customerVnet: { storageAccount: ["blob", "file"], keyVault: ["vault"], containerRegistry: ["registry"] },
  managedNetwork: { storageAccount: ["blob", "file"], keyVault: [], containerRegistry: [] },
} as const;

/**
 * "Create a _private endpoint_ or _service endpoint_ for the default storage account in the Azure Virtual
 * Network that the clients use." (how-to-managed-network): a subnet of `vnet` with a Microsoft.Storage service
 * endpoint that the account's virtual network rules admit. Public network access Disabled shuts that path.
 */
export function reachesByServiceEndpoint(model: StackModel, vnet: Key, account: Key): boolean {
  const service = model.services.get(account);
  const access = service?.publicNetworkAccess;
  if (!service || (typeof access === "string" && access.toLowerCase() === "disabled")) return false;
  return service.vnetRuleSubnets.some((key) => {
    const subnet = typeof key === "string" ? model.subnets.get(key) : undefined;
    return (
      subnet?.vnet === vnet &&
      Array.isArray(subnet.serviceEndpoints) &&
      subnet.serviceEndpoints.some((s) => s.toLowerCase().startsWith("microsoft.storage"))
    );
  });
}

/** The workspace's dependency services, by kind, where the reference is known. */
export function dependenciesOf(
  workspace: Workspace,
): { kind: "storageAccount" | "keyVault" | "containerRegistry"; key: Key }[] {
  const refs = [
    { kind: "storageAccount", key: workspace.storageAccount },
    { kind: "keyVault", key: workspace.keyVault },
    { kind: "containerRegistry", key: workspace.containerRegistry },
  ] as const;
  return refs.flatMap((r) => (typeof r.key === "string" ? [{ kind: r.kind, key: r.key }] : []));
}

/**
 * The workspace runs its computes in a Microsoft-managed VNet: its managed network is on (any mode but
 * Disabled). Unknown at preview when the mode is.
 */
export function usesManagedNetwork(workspace: Workspace): Maybe<boolean> {
  const mode = workspace.managedNetworkMode;
  if (isUnknown(mode)) return mode;
  return typeof mode === "string" && mode.toLowerCase() !== "disabled";
}

/** The isolation mode Azure applies: as declared, Disabled when `managedNetwork` or its mode is left out. */
export function effectiveManagedNetworkMode(workspace: Workspace): Maybe<string> {
  return workspace.managedNetworkMode ?? "Disabled";
}

/**
 * All outbound rules of a workspace's managed network, inline or resources of their own; unknown when the
 * inline map is unknown at preview (its rules cannot be told).
 */
export function outboundRulesOf(model: StackModel, workspace: Workspace): Maybe<OutboundRule[]> {
  if (isUnknown(workspace.inlineOutboundRules)) return workspace.inlineOutboundRules;
  return model.outboundRulesByWorkspace.get(workspace.key) ?? [];
}

/** The workspace `key` names when it is in the stack and its managed network is known to be on. */
export function managedNetworkWorkspaceOf(model: StackModel, key: Maybe<Key>): Workspace | undefined {
  const workspace = workspaceOf(model, key);
  return workspace && usesManagedNetwork(workspace) === true ? workspace : undefined;
}

/** The computes of workspaces whose managed network is on, with their known compute type. */
export function managedNetworkComputes(
  model: StackModel,
): { compute: Compute; workspace: Workspace; computeType: string }[] {
  return model.computes.flatMap((compute) => {
    const workspace = managedNetworkWorkspaceOf(model, compute.workspace);
    const computeType = compute.computeType;
    return workspace && typeof computeType === "string" ? [{ compute, workspace, computeType }] : [];
  });
}

/**
 * A dependency a workspace's managed network reaches through a private endpoint of Azure's own Required rules
 * ([MN] "List of required rules": in AllowOnlyApprovedOutbound whatever the target's public access, in
 * AllowInternetOutbound only for targets with public network access disabled). Those endpoints live in the
 * Microsoft-managed VNet, never in the stack, yet they are approved private endpoint connections of the target.
 */
export function reachedByRequiredRules(model: StackModel, key: Key): boolean {
  const access = model.services.get(key)?.publicNetworkAccess;
  const disabled = typeof access === "string" && access.toLowerCase() === "disabled";
  return model.workspaces.some((w) => {
    const mode = effectiveManagedNetworkMode(w);
    if (typeof mode !== "string" || !dependenciesOf(w).some((d) => d.key === key)) return false;
    const lower = mode.toLowerCase();
    return lower === "allowonlyapprovedoutbound" || (lower === "allowinternetoutbound" && disabled);
  });
}

/**
 * Azure Policy's private DNS DeployIfNotExists built-ins (ee40564d, the storage, vault and registry ones)
 * act on an endpoint whose `privateLinkServiceConnections[*].groupIds[*]` name their group id; manual
 * connections are not counted, so Azure never writes the zone group of an endpoint that has only those.
 */
export function coveredByDnsPolicies(endpoint: PrivateEndpoint): boolean {
  return endpoint.connections.some((c) => c.manual !== true);
}
