/** Reads ML workspaces, their dependency services and Synapse workspaces from resource views. */
import { parseInlineOutboundRules } from "./managedNetworkParsers";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { DependencyService, SynapseWorkspace, Workspace } from "./types";
import { at, bool, isUnknown, list, str, strings, unknown, type Maybe } from "./values";

export function parseWorkspace(view: ResourceView, index: ResourceIndex): Workspace {
  const inputs = view.inputs;
  const networkAcls = at(inputs, "networkAcls");
  const hasAcls = networkAcls !== undefined;
  const entity = index.entity(view);
  return {
    ...entity,
    location: str(inputs, "location"),
    publicNetworkAccess: str(inputs, "publicNetworkAccess"),
    allowPublicAccessWhenBehindVnet: bool(inputs, "allowPublicAccessWhenBehindVnet"),
    ipRules: hasAcls ? aclRuleValues(networkAcls) : strings(inputs, "ipAllowlist"),
    ipRulesInput: hasAcls
      ? "networkAcls"
      : at(inputs, "ipAllowlist") !== undefined
        ? "ipAllowlist"
        : undefined,
    ipDefaultAction: str(networkAcls, "defaultAction"),
    imageBuildCompute: str(inputs, "imageBuildCompute"),
    managedNetworkMode: str(inputs, "managedNetwork", "isolationMode"),
    inlineOutboundRules: parseInlineOutboundRules(view, entity, index),
    managedNetworkFirewallSku: str(inputs, "managedNetwork", "firewallSku"),
    managedNetworkStatus: str(inputs, "managedNetwork", "status", "status"),
    workspaceKind: str(inputs, "kind"),
    hub: index.byId(view, "hubResourceId", str(inputs, "hubResourceId"), ["workspace"]),
    storageAccount: index.byId(view, "storageAccount", str(inputs, "storageAccount"), ["storageAccount"]),
    keyVault: index.byId(view, "keyVault", str(inputs, "keyVault"), ["keyVault"]),
    containerRegistry: index.byId(view, "containerRegistry", str(inputs, "containerRegistry"), [
      "containerRegistry",
    ]),
  };
}

/** `networkAcls.ipRules[].value`; one unknown value makes the list unknown. */
function aclRuleValues(networkAcls: unknown): Maybe<string[]> {
  const rules = list(networkAcls, "ipRules");
  if (rules === undefined || isUnknown(rules)) return rules;
  const values = rules.map((rule) => str(rule, "value"));
  if (values.some(isUnknown)) return unknown;
  return values.filter((v): v is string => typeof v === "string");
}

/**
 * Where each dependency kind keeps its settings: Key Vault keeps its ARM `properties` bag in azure-native,
 * the others are flattened; azure-native names a storage account's ARM `networkAcls` `networkRuleSet`
 * (a generic resource keeps the ARM name).
 */
const serviceInputs: Readonly<
  Record<string, { properties: readonly string[]; networkRules: readonly (readonly string[])[] }>
> = {
  storageAccount: { properties: [], networkRules: [["networkRuleSet"], ["networkAcls"]] },
  keyVault: { properties: ["properties"], networkRules: [["properties", "networkAcls"]] },
  containerRegistry: { properties: [], networkRules: [["networkRuleSet"]] },
};

export function parseDependencyService(view: ResourceView, index: ResourceIndex): DependencyService {
  const paths = serviceInputs[view.kind];
  const body = at(view.inputs, ...paths.properties);
  const rules = paths.networkRules.map((path) => at(view.inputs, ...path)).find((r) => r !== undefined);
  const ipRules = list(rules, "ipRules");
  return {
    ...index.entity(view),
    kind: view.kind,
    location: str(view.inputs, "location"),
    publicNetworkAccess: str(body, "publicNetworkAccess"),
    skuName: str(view.inputs, "sku", "name"),
    networkDefaultAction: str(rules, "defaultAction"),
    ipRuleCount: isUnknown(ipRules) ? unknown : ipRules?.length,
    bypass: str(rules, "bypass"),
    vnetRuleSubnets: (Array.isArray(list(rules, "virtualNetworkRules"))
      ? (list(rules, "virtualNetworkRules") as unknown[])
      : []
    ).map((rule) =>
      index.byId(view, "networkRuleSet", str(rule, "virtualNetworkResourceId"), ["subnet", "virtualNetwork"]),
    ),
    allowBlobPublicAccess: bool(body, "allowBlobPublicAccess"),
    createMode: str(body, "createMode"),
  };
}

export function parseSynapseWorkspace(view: ResourceView, index: ResourceIndex): SynapseWorkspace {
  const native = bool(view.inputs, "managedVirtualNetworkSettings", "preventDataExfiltration");
  // The classic provider names the flag differently.
  const classic = bool(view.inputs, "dataExfiltrationProtectionEnabled");
  return {
    ...index.entity(view),
    preventDataExfiltration: native ?? classic,
  };
}
