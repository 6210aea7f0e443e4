/**
 * Reads a workspace managed network's outbound rules, in the forms a program writes them: the entries of
 * the workspace's `managedNetwork.outboundRules` map (typed workspace or generic body), and
 * `ManagedNetworkSettingsRule` / `OutboundRule` resources (typed, or generic `workspaces/outboundRules`);
 * and online deployments, whose legacy egress flag a managed network makes moot.
 */
import { parseArmId } from "../azure/armId";
import type { Kind } from "./kinds";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { Entity, Key, OnlineDeployment, OutboundRule } from "./types";
import { at, bool, isUnknown, str, strings, unknown, type Maybe } from "./values";

/** The in-stack kinds a private endpoint rule's sub-resource can lead to, to resolve a target at preview. */
const targetKindsBySubresource: Readonly<Record<string, readonly Kind[]>> = {
  blob: ["storageAccount"],
  file: ["storageAccount"],
  queue: ["storageAccount"],
  table: ["storageAccount"],
  dfs: ["storageAccount"],
  web: ["storageAccount"],
  vault: ["keyVault"],
  registry: ["containerRegistry"],
  amlworkspace: ["workspace"],
};
const anyTargetKind: readonly Kind[] = ["storageAccount", "keyVault", "containerRegistry", "workspace"];

/** True when a maybe-known type is `expected` or not known yet (then every destination shape is read). */
function mayBe(type: Maybe<string>, expected: string): boolean {
  return isUnknown(type) || type?.toLowerCase() === expected.toLowerCase();
}

/**
 * One rule body (`{type, category, destination}`). `input` is the view's input the body sits in, whose
 * property dependencies resolve a target unknown at preview.
 */
function parseRuleBody(
  body: unknown,
  view: ResourceView,
  input: string,
  index: ResourceIndex,
): Omit<OutboundRule, keyof Entity | "workspace" | "declared" | "name"> {
  const type = str(body, "type");
  const destination = at(body, "destination");
  const subresourceTarget = str(destination, "subresourceTarget");
  const serviceResourceId = str(destination, "serviceResourceId");
  const kinds =
    typeof subresourceTarget === "string"
      ? (targetKindsBySubresource[subresourceTarget.toLowerCase()] ?? anyTargetKind)
      : anyTargetKind;
  return {
    type,
    category: str(body, "category"),
    fqdn:
      mayBe(type, "FQDN") && (typeof destination === "string" || isUnknown(destination))
        ? destination
        : undefined,
    privateEndpoint: mayBe(type, "PrivateEndpoint")
      ? {
          // A known id names its target itself; a dependency only stands in for an id unknown at preview.
          target:
            typeof serviceResourceId === "string"
              ? index.keyOfId(serviceResourceId)
              : index.byId(view, input, serviceResourceId, kinds),
          subresourceTarget,
          sparkEnabled: bool(destination, "sparkEnabled"),
        }
      : undefined,
    serviceTag: mayBe(type, "ServiceTag")
      ? {
          serviceTag: str(destination, "serviceTag"),
          protocol: str(destination, "protocol"),
          portRanges: str(destination, "portRanges"),
          action: str(destination, "action"),
          addressPrefixes: strings(destination, "addressPrefixes"),
        }
      : undefined,
  };
}

/** The workspace's inline rules, keyed under its URN by rule name and reported on the workspace. */
export function parseInlineOutboundRules(
  view: ResourceView,
  workspace: Entity,
  index: ResourceIndex,
): Maybe<OutboundRule[]> {
  const rules = at(view.inputs, "managedNetwork", "outboundRules");
  if (rules === undefined || isUnknown(rules)) return rules;
  if (rules === null || typeof rules !== "object" || Array.isArray(rules)) return undefined;
  return Object.entries(rules as Record<string, unknown>).map(([name, body]) => ({
    key: `${workspace.key}/outboundRules/${name}`,
    urn: workspace.urn,
    label: `outbound rule '${name}' of ${workspace.label}`,
    workspace: workspace.key,
    declared: "inline",
    name,
    ...parseRuleBody(body, view, "managedNetwork", index),
  }));
}

/** The workspace a rule resource belongs to: by name input, else from the rule's own ARM id. */
function ruleWorkspace(view: ResourceView, index: ResourceIndex): Maybe<Key> {
  const byName = index.byName(view, "workspaceName", "workspace", view.resourceGroup, [view.armNames[0]]);
  if (byName !== undefined && !isUnknown(byName)) return byName;
  const id = view.armId && parseArmId(view.armId);
  if (!id) return byName;
  const [namespace] = id.type.split("/");
  return index.keyOfId(
    `/subscriptions/${id.subscriptionId}/resourceGroups/${id.resourceGroup}/providers/${namespace}/workspaces/${id.names[0]}`,
  );
}

export function parseOutboundRule(view: ResourceView, index: ResourceIndex): OutboundRule {
  return {
    ...index.entity(view),
    workspace: ruleWorkspace(view, index),
    declared: "resource",
    name: view.armNames[view.armNames.length - 1] ?? unknown,
    ...parseRuleBody(at(view.inputs, "properties"), view, "properties", index),
  };
}

export function parseOnlineDeployment(view: ResourceView, index: ResourceIndex): OnlineDeployment {
  // azure-native v3 nests the deployment's properties under `properties`; v2 under `onlineDeploymentProperties`.
  const body = at(view.inputs, "properties") ?? at(view.inputs, "onlineDeploymentProperties");
  return {
    ...index.entity(view),
    workspace: index.byName(view, "workspaceName", "workspace", view.resourceGroup, [view.armNames[0]]),
    egressPublicNetworkAccess: str(body, "egressPublicNetworkAccess"),
  };
}
