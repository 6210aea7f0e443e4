/**
 * Azure Policy's "should use private link" built-ins, and what their DeployIfNotExists twins would deploy:
 * every ML workspace of the stack, and every storage account, key vault and registry in scope (by default
 * those a workspace uses), has at least one private endpoint in the stack. An endpoint whose target is
 * unknown at preview could be any of them, so the rule then stands down rather than guess. A dependency a
 * workspace managed network reaches through Azure's Required rules has its private endpoint (in the managed VNet).
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import { benchmark } from "../pack/benchmark";
import { DependencyScopes, servicesInScope } from "../model/dependencyScope";
import { endpointsOf, reachedByRequiredRules } from "../model/queries";
import type { Entity, StackModel } from "../model/types";
import { isUnknown } from "../model/values";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { scopeSchema, type ScopeConfig } from "./serviceRule";

/** Per target kind: the audit built-in quoted, the DINE it stands for, and the group ids to add. */
const byKind = {
  workspace: {
    audit: "45e05259-1eb5-4f70-9574-baf73e9d219b",
    deploy: "7838fd83-5cbb-4b5d-888c-bfa240972597",
    groupIds: "amlworkspace",
  },
  storageAccount: {
    audit: "6edd7eda-6dd8-40f7-810d-67160c639cd9",
    deploy: "9f766f00-8d11-464e-80e1-4091d7874074",
    groupIds: "blob and file",
  },
  keyVault: {
    audit: "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9",
    deploy: "9d4fad1f-5189-4a42-b29e-cf7929c6b6df",
    groupIds: "vault",
  },
  containerRegistry: {
    audit: "e8eef0a8-67cf-4eb4-9386-14b0e78733d4",
    deploy: "d85c6833-7d33-4cf5-a915-aaa2de84405f",
    groupIds: "registry",
  },
} as const;

type TargetKind = keyof typeof byKind;

function withoutEndpoint(model: StackModel, kind: TargetKind, target: Entity): Violation[] {
  if (endpointsOf(model, target.key).length > 0) return [];
  if (kind !== "workspace" && reachedByRequiredRules(model, target.key)) return [];
  return [
    {
      urn: target.urn,
      message: message({
        subject: target.label,
        problem: "has no private endpoint in this stack",
        quote: builtInQuote(byKind[kind].audit),
        fix: `add a private endpoint (group id ${byKind[kind].groupIds}) with a private DNS zone group in each VNet that uses it`,
      }),
    },
  ];
}

export const privateLinkUsed: StackRule<ScopeConfig> = {
  name: "private-link-used",
  description:
    "Every ML workspace, and every storage account, key vault and registry a workspace uses, should have a private endpoint.",
  enforcementLevel: "advisory",
  configSchema: { properties: scopeSchema },
  defaults: { scope: DependencyScopes.workspaceDependencies },
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps:
    "Add an `azure-native:network:PrivateEndpoint` per target and group id (`amlworkspace`; `blob`, `file`; `vault`; `registry`) with an `azure-native:network:PrivateDnsZoneGroup` naming the group id's zones. With this package, `WorkspaceNetwork` (or `PrivateEndpointSet`) given `SecuredWorkspace.endpointTargets()` creates all of them, with zones, per VNet.",
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["network-isolation", ...builtInTags(...Object.values(byKind).flatMap((k) => [k.audit, k.deploy]))],
  check: (model, config) => {
    if (model.endpoints.some((e) => e.connections.some((c) => isUnknown(c.target)))) return [];
    return [
      ...model.workspaces.flatMap((w) => withoutEndpoint(model, "workspace", w)),
      ...(["storageAccount", "keyVault", "containerRegistry"] as const).flatMap((kind) =>
        servicesInScope(model, kind, config.scope).flatMap((s) => withoutEndpoint(model, kind, s)),
      ),
    ];
  },
};
