/**
 * Rule 6: every VNet holding a workspace endpoint needs `blob`, `file`, `vault` and `registry` endpoints for
 * the workspace's private storage account, key vault and registry; and one workspace endpoint must share a
 * VNet with the dependencies' endpoints. A dependency whose endpoints' VNets or group ids are unknown at
 * preview is left out rather than guessed.
 */
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { dependenciesOf, endpointsOf, groupIdsTo, isPrivateService } from "../model/queries";
import type { Key, StackModel, Workspace } from "../model/types";
import { quotes } from "./quotes";

/** The group ids a VNet needs per dependency kind. */
const requiredGroupIds = {
  storageAccount: ["blob", "file"],
  keyVault: ["vault"],
  containerRegistry: ["registry"],
} as const;

interface DependencyReach {
  key: Key;
  required: readonly string[];
  /** Group ids available per VNet key. */
  groupsByVnet: Map<Key, Set<string>>;
}

/** Where a private dependency has endpoints; undefined when some of that is unknown. */
function reachOf(
  model: StackModel,
  kind: keyof typeof requiredGroupIds,
  key: Key,
): DependencyReach | undefined {
  const groupsByVnet = new Map<Key, Set<string>>();
  for (const endpoint of endpointsOf(model, key)) {
    const groups = groupIdsTo(endpoint, key);
    if (typeof endpoint.vnet !== "string" || !Array.isArray(groups)) return undefined;
    const set = groupsByVnet.get(endpoint.vnet) ?? new Set<string>();
    groups.forEach((g) => set.add(g));
    groupsByVnet.set(endpoint.vnet, set);
  }
  return { key, required: requiredGroupIds[kind], groupsByVnet };
}

function check(model: StackModel, workspace: Workspace): Violation[] {
  const workspaceVnets = new Map<Key, string>();
  for (const endpoint of endpointsOf(model, workspace.key)) {
    if (typeof endpoint.vnet === "string" && !workspaceVnets.has(endpoint.vnet))
      workspaceVnets.set(endpoint.vnet, endpoint.urn);
  }
  if (workspaceVnets.size === 0) return [];
  const reaches = dependenciesOf(workspace)
    .filter((d) => isPrivateService(model, d.key))
    .map((d) => reachOf(model, d.kind, d.key))
    .filter((r): r is DependencyReach => r !== undefined);
  const violations: Violation[] = [];
  for (const [vnet, endpointUrn] of workspaceVnets) {
    const missing = reaches.flatMap((r) =>
      r.required.filter((g) => !r.groupsByVnet.get(vnet)?.has(g)).map((g) => `${g} (${model.label(r.key)})`),
    );
    if (missing.length === 0) continue;
    violations.push({
      urn: endpointUrn,
      message: message({
        subject: `${model.label(vnet)}, which holds a private endpoint of ${workspace.label},`,
        problem: `has no private endpoint for ${missing.join(", ")}`,
        quote: quotes.dependencyEndpointsPerVnet,
        fix: "add private endpoints for the missing group ids in this VNet (with their own DNS zone groups)",
      }),
    });
  }
  const withEndpoints = reaches.filter((r) => r.groupsByVnet.size > 0);
  const shared = [...workspaceVnets.keys()].some((vnet) =>
    withEndpoints.every((r) => r.groupsByVnet.has(vnet)),
  );
  if (withEndpoints.length > 0 && !shared) {
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
    "Each VNet with a workspace private endpoint needs endpoints for the workspace's private storage (blob, file), key vault and registry; one workspace endpoint must share a VNet with them.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  check: (model) => model.workspaces.flatMap((w) => check(model, w)),
};
