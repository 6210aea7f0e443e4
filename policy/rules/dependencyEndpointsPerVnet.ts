/**
 * Rule 6: every VNet holding a workspace endpoint needs `blob`, `file`, `vault` and `registry` endpoints for
 * the workspace's private storage account, key vault and registry, and an endpoint for each in-stack private
 * storage account a datastore of the workspace uses (the datastore's sub-resource); and one workspace
 * endpoint must share a VNet with the dependencies' endpoints. A dependency whose endpoints' VNets or group
 * ids are unknown at preview, or a datastore whose storage account is unknown or outside the stack, is left
 * out rather than guessed.
 *
 * With a workspace managed network, computes reach the dependencies from the managed VNet through outbound
 * rules; a VNet holding a workspace endpoint is a client VNet, which needs only the default storage (blob,
 * file) for the studio, through private endpoints or a storage service endpoint the account admits, and no workspace endpoint has to share a VNet with the dependencies' endpoints.
 * While the mode is unknown at preview, only what both layouts require is checked.
 *
 * A VNet that is not isolated (peered, custom DNS servers, forwarding ruleset) may instead reach a connected
 * VNet's endpoints: the name of each missing sub-resource must resolve, through the VNet's DNS path, to an
 * endpoint it reaches (model/resolution.ts). The fix then never asks for endpoints that would collide in
 * zones shared with the hub.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import {
  dependenciesOf,
  endpointsOf,
  groupIdsTo,
  isPrivateService,
  reachesByServiceEndpoint,
  requiredGroupIds,
  usesManagedNetwork,
} from "../model/queries";
import type { AzureCloud } from "../azure/clouds";
import { describePath, type Resolution } from "../model/resolution";
import { cloudOfLocation, isIsolated, resolveGroupId } from "../model/resolutionQueries";
import type { Datastore, Key, StackModel, Workspace } from "../model/types";
import { quotes } from "./quotes";

/** The storage sub-resource (group id) each datastore type reads through. */
const datastoreGroupIds: ReadonlyMap<string, string> = new Map([
  ["AzureBlob", "blob"],
  ["AzureFile", "file"],
  ["AzureDataLakeGen2", "dfs"],
]);

/** Group ids (lower case) per VNet key. */
type GroupsByVnet = Map<Key, Set<string>>;

/**
 * Whether a VNet without an endpoint of its own for (target, group id) uses one elsewhere: a connected VNet's,
 * found by resolving the name through the VNet's DNS path. An isolated VNet uses none (as before the network
 * graph); an answer unknown at preview counts as reached (the dns-resolution-unverified advisory says so).
 * Broken answers are kept for the message.
 */
class Elsewhere {
  readonly broken: Resolution[] = [];
  constructor(
    readonly model: StackModel,
    readonly cloud: AzureCloud,
  ) {}

  reaches(vnet: Key, target: Key, groupId: string): boolean {
    if (isIsolated(this.model, vnet)) return false;
    const answer = resolveGroupId(this.model, vnet, target, groupId, this.cloud);
    if (!answer || answer.verdict !== "broken") return true;
    this.broken.push(answer);
    return false;
  }
}

/** The message parts for a VNet that reaches no endpoint: as always when isolated, with the paths when not. */
function notReached(model: StackModel, vnet: Key, paths: readonly Resolution[]) {
  if (isIsolated(model, vnet) || paths.length === 0) return undefined;
  return {
    problem: `, of its own or of a connected VNet (${[...new Set(paths.map(describePath))].join(" | ")})`,
    fix: "peer this VNet both ways with the VNet holding those endpoints and resolve their names there (the zones linked where this VNet's DNS path ends); add endpoints here only with zones of their own, as endpoints added to zones shared with the hub overwrite the hub's records",
  };
}

interface DependencyReach {
  key: Key;
  kind: "storageAccount" | "keyVault" | "containerRegistry";
  required: readonly string[];
  groupsByVnet: GroupsByVnet;
}

/** The group ids a service's endpoints offer per VNet; undefined when some of that is unknown. */
function groupsByVnetOf(model: StackModel, key: Key): GroupsByVnet | undefined {
  const groupsByVnet: GroupsByVnet = new Map();
  for (const endpoint of endpointsOf(model, key)) {
    const groups = groupIdsTo(endpoint, key);
    if (typeof endpoint.vnet !== "string" || !Array.isArray(groups)) return undefined;
    const set = groupsByVnet.get(endpoint.vnet) ?? new Set<string>();
    groups.forEach((g) => set.add(g));
    groupsByVnet.set(endpoint.vnet, set);
  }
  return groupsByVnet;
}

/** One violation per workspace VNet lacking an endpoint for the sub-resource a datastore reads. */
function checkDatastore(
  model: StackModel,
  workspace: Workspace,
  datastore: Datastore,
  workspaceVnets: ReadonlyMap<Key, string>,
  /** Per storage account, so datastores sharing one look its endpoints up once. */
  groupsCache: Map<Key, GroupsByVnet | undefined>,
  cloud: AzureCloud,
): Violation[] {
  const groupId =
    typeof datastore.datastoreType === "string" ? datastoreGroupIds.get(datastore.datastoreType) : undefined;
  const account = datastore.storageAccount;
  // Unknown at preview, or outside the stack (its endpoints are not visible): nothing to check. A public
  // account is reachable without endpoints, as for the default storage.
  if (groupId === undefined || typeof account !== "string" || !model.services.has(account)) return [];
  if (!isPrivateService(model, account)) return [];
  if (!groupsCache.has(account)) groupsCache.set(account, groupsByVnetOf(model, account));
  const groupsByVnet = groupsCache.get(account);
  if (!groupsByVnet) return [];
  const accountLabel = model.label(account);
  return [...workspaceVnets.keys()].flatMap((vnet) => {
    const elsewhere = new Elsewhere(model, cloud);
    if (groupsByVnet.get(vnet)?.has(groupId) || elsewhere.reaches(vnet, account, groupId)) return [];
    const reached = notReached(model, vnet, elsewhere.broken);
    return [
      {
        urn: datastore.urn,
        message: message({
          subject: `${model.label(vnet)}, which holds a private endpoint of ${workspace.label},`,
          problem: `has no ${groupId} private endpoint for ${accountLabel}${reached?.problem ?? ""}, which ${datastore.label} of that workspace uses`,
          quote: quotes.datastoreEndpoints,
          fix:
            reached?.fix ??
            `add a private endpoint with group id '${groupId}' for ${accountLabel} in this VNet, with a DNS zone group`,
        }),
      },
    ];
  });
}

function check(model: StackModel, workspace: Workspace): Violation[] {
  const workspaceVnets = new Map<Key, string>();
  for (const endpoint of endpointsOf(model, workspace.key)) {
    if (typeof endpoint.vnet === "string" && !workspaceVnets.has(endpoint.vnet))
      workspaceVnets.set(endpoint.vnet, endpoint.urn);
  }
  if (workspaceVnets.size === 0) return [];
  const customerVnet = usesManagedNetwork(workspace) === false;
  const required = requiredGroupIds[customerVnet ? "customerVnet" : "managedNetwork"];
  const reaches = dependenciesOf(workspace)
    .filter((d) => isPrivateService(model, d.key) && required[d.kind].length > 0)
    .flatMap((d): DependencyReach[] => {
      const groupsByVnet = groupsByVnetOf(model, d.key);
      return groupsByVnet ? [{ key: d.key, kind: d.kind, required: required[d.kind], groupsByVnet }] : [];
    });
  const cloud = cloudOfLocation(workspace.location);
  const violations: Violation[] = [];
  /** Per VNet: every dependency with endpoints is reached, own or elsewhere (for the shared-VNet check). */
  const reachesAll = new Map<Key, boolean>();
  for (const [vnet, endpointUrn] of workspaceVnets) {
    const elsewhere = new Elsewhere(model, cloud);
    // Clients of a managed network may reach the default storage through a service endpoint instead.
    const byServiceEndpoint = (r: DependencyReach) =>
      !customerVnet && r.kind === "storageAccount" && reachesByServiceEndpoint(model, vnet, r.key);
    const missingByReach = reaches.map((r) =>
      byServiceEndpoint(r)
        ? []
        : r.required.filter((g) => !r.groupsByVnet.get(vnet)?.has(g) && !elsewhere.reaches(vnet, r.key, g)),
    );
    const missing = reaches.flatMap((r, i) => missingByReach[i].map((g) => `${g} (${model.label(r.key)})`));
    reachesAll.set(
      vnet,
      reaches.every((r, i) => r.groupsByVnet.size === 0 || missingByReach[i].length === 0),
    );
    if (missing.length === 0) continue;
    const reached = notReached(model, vnet, elsewhere.broken);
    violations.push({
      urn: endpointUrn,
      message: message({
        subject: `${model.label(vnet)}, which holds a private endpoint of ${workspace.label},`,
        problem: `has no private endpoint for ${missing.join(", ")}${reached?.problem ?? ""}`,
        quote: customerVnet ? quotes.dependencyEndpointsPerVnet : quotes.managedNetworkStudioStorage,
        fix:
          reached?.fix ??
          "add private endpoints for the missing group ids in this VNet (with their own DNS zone groups)",
      }),
    });
  }
  const groupsCache = new Map<Key, GroupsByVnet | undefined>();
  for (const datastore of model.datastoresByWorkspace.get(workspace.key) ?? [])
    violations.push(...checkDatastore(model, workspace, datastore, workspaceVnets, groupsCache, cloud));
  const withEndpoints = reaches.filter((r) => r.groupsByVnet.size > 0);
  // A VNet shares the dependencies when it holds their endpoints, or (not isolated) reaches them all.
  const shared = [...workspaceVnets.keys()].some(
    (vnet) =>
      withEndpoints.every((r) => r.groupsByVnet.has(vnet)) ||
      (!isIsolated(model, vnet) && reachesAll.get(vnet) === true),
  );
  if (customerVnet && withEndpoints.length > 0 && !shared) {
    violations.push({
      urn: workspace.urn,
      message: message({
        subject: workspace.label,
        problem: `has no private endpoint in a VNet that also holds endpoints of ${withEndpoints.map((r) => model.label(r.key)).join(", ")}`,
        quote: quotes.workspaceSharesVnetWithDependencies,
        fix: "add a workspace private endpoint in the VNet (the 'services' VNet) where the dependencies' endpoints are",
      }),
    });
  }
  return violations;
}

export const dependencyEndpointsPerVnet: StackRule<object> = {
  name: "dependency-endpoints-per-vnet",
  description:
    "Each VNet with a workspace private endpoint needs endpoints for the workspace's private storage (blob, file), key vault and registry, and for the private storage its datastores use (blob, file or dfs); one workspace endpoint must share a VNet with the default dependencies. With a managed network, client VNets need only the storage endpoints.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Every VNet with a workspace endpoint needs `blob`, `file`, `vault` and `registry` endpoints for the workspace's private dependencies (and one per datastore account sub-resource).",
    "",
    "- azure-native: add `network.PrivateEndpoint` resources with those `groupIds` in the VNet, each with its `PrivateDnsZoneGroup`.",
    "- Components: `WorkspaceNetwork` (one set per VNet) or `PrivateEndpointSet` creates the complete set; list datastore accounts in `additionalStorageAccounts`.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["private-endpoint", "storage", "key-vault", "container-registry"],
  check: (model) => model.workspaces.flatMap((w) => check(model, w)),
};
