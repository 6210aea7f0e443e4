/**
 * Per VNet, how each private link name a workspace needs resolves from it: the workspace's api and notebooks
 * zones, its private storage (blob, file), key vault and registry, and the sub-resource of each private
 * storage account its datastores use. Each row is the pack's own query (model/resolution.ts): the path in
 * words, the endpoint and IP it ends at, the route from the VNet to it, and ok / broken / unknown with the
 * reason. Asked for workspaces with an endpoint or a compute in the VNet, or an endpoint in a VNet peered with it.
 */
import { ClientVnets } from "../policy/model/clientVnets";
import { zonesFor, type GroupId } from "../policy/azure/clouds";
import { describePath, resolveTarget, type Resolution } from "../policy/model/resolution";
import { cloudOfLocation } from "../policy/model/resolutionQueries";
import { dependenciesOf, endpointsOf, isPrivateService } from "../policy/model/queries";
import type { Key, StackModel, Workspace } from "../policy/model/types";
import type { Maybe } from "../policy/model/values";

export interface ResolutionRow {
  /** The private link zone name asked, e.g. privatelink.blob.core.windows.net. */
  name: string;
  /** What it resolves for, and which sub-resource (group id). */
  target: string;
  groupId: string;
  /** How it resolves: the path followed, in words. */
  via: string;
  /** The endpoint it ends at and that endpoint's first private IP, when known. */
  endpoint?: string;
  ip?: string;
  /** From the VNet to the endpoint: "in the same VNet", "peered both ways", or why not. */
  route?: string;
  status: "ok" | "broken" | "unknown";
}

const dependencyGroups: Record<"storageAccount" | "keyVault" | "containerRegistry", readonly GroupId[]> = {
  storageAccount: ["blob", "file"],
  keyVault: ["vault"],
  containerRegistry: ["registry"],
};

const datastoreGroups: Readonly<Record<string, GroupId>> = {
  AzureBlob: "blob",
  AzureFile: "file",
  AzureDataLakeGen2: "dfs",
};

/** The (target, group id) pairs a workspace's clients and computes resolve. */
function neededBy(model: StackModel, workspace: Workspace): { target: Key; groupId: GroupId }[] {
  const needs: { target: Key; groupId: GroupId }[] = [{ target: workspace.key, groupId: "amlworkspace" }];
  for (const d of dependenciesOf(workspace))
    if (isPrivateService(model, d.key))
      for (const g of dependencyGroups[d.kind]) needs.push({ target: d.key, groupId: g });
  for (const ds of model.datastoresByWorkspace.get(workspace.key) ?? []) {
    const g = typeof ds.datastoreType === "string" ? datastoreGroups[ds.datastoreType] : undefined;
    const account = ds.storageAccount;
    if (g && typeof account === "string" && model.services.has(account) && isPrivateService(model, account))
      if (!needs.some((n) => n.target === account && n.groupId === g))
        needs.push({ target: account, groupId: g });
  }
  return needs;
}

function rowOf(model: StackModel, name: string, target: Key, groupId: GroupId, r: Resolution): ResolutionRow {
  return {
    name,
    target: model.label(target),
    groupId,
    via: describePath(r),
    ...(r.endpoint !== undefined ? { endpoint: model.label(r.endpoint) } : {}),
    ...(r.ip !== undefined ? { ip: r.ip } : {}),
    ...(r.route ? { route: r.route.route } : {}),
    status: r.verdict,
  };
}

/** The workspaces with a compute in each VNet, once per model (each VNet's table asks; scanning every compute per VNet and workspace was cubic at scale). */
const computeWorkspacesByVnet = new WeakMap<StackModel, Map<Maybe<Key>, Set<Maybe<Key>>>>();

function workspacesComputingIn(model: StackModel, vnet: Key): Set<Maybe<Key>> | undefined {
  let byVnet = computeWorkspacesByVnet.get(model);
  if (!byVnet) {
    byVnet = new Map();
    for (const c of model.computes) {
      const found = byVnet.get(c.vnet);
      if (found) found.add(c.workspace);
      else byVnet.set(c.vnet, new Set([c.workspace]));
    }
    computeWorkspacesByVnet.set(model, byVnet);
  }
  return byVnet.get(vnet);
}

export function resolutionRows(model: StackModel, vnet: Key): ResolutionRow[] {
  // A spoke peered (either way) with a VNet holding the workspace's endpoints is there to use them, and so is
  // a client VNet of the workspace (model/clientVnets.ts).
  const peers = new Set(model.network.peeredFrom(vnet));
  const near = (other: Maybe<Key>) =>
    other === vnet ||
    (typeof other === "string" && (peers.has(other) || model.network.peering(other, vnet) !== undefined));
  const clients = ClientVnets.of(model);
  const workspaces = model.workspaces.filter(
    (w) =>
      endpointsOf(model, w.key).some((e) => near(e.vnet)) ||
      workspacesComputingIn(model, vnet)?.has(w.key) === true ||
      clients.of(w).some((c) => c.vnet === vnet),
  );
  return workspaces.flatMap((w) => {
    const cloud = cloudOfLocation(w.location);
    return neededBy(model, w).flatMap(({ target, groupId }) =>
      zonesFor(cloud, groupId).map((name) =>
        rowOf(model, name, target, groupId, resolveTarget(model.network, vnet, target, name)),
      ),
    );
  });
}
