/**
 * Container registries ML workspaces use: public network access Disabled, no unrestricted network access,
 * and a SKU that supports private link (Azure Policy's registry built-ins).
 */
import { isNot, serviceRule, shown, type ScopeConfig } from "./serviceRule";
import { describeSetting } from "../model/settingInputs";

const components =
  "`SecuredWorkspace` creates its registry this way (Premium, `publicNetworkAccess: Disabled`), and `WorkspaceNetwork` adds its `registry` private endpoint in each VNet.";

export const registryPublicAccess = serviceRule<ScopeConfig>({
  name: "registry-public-network-access-disabled",
  description: "A container registry an ML workspace uses should have publicNetworkAccess Disabled.",
  kind: "containerRegistry",
  builtIns: ["0fdf0491-d080-4575-b627-ad0e843cba0f", "a3701552-92ea-433e-9d17-33b7f1208fc9"],
  severity: "high",
  url: "https://learn.microsoft.com/azure/container-registry/container-registry-private-link",
  remediationSteps: `Set \`publicNetworkAccess: "Disabled"\` on the \`azure-native:containerregistry:Registry\` (Premium), and reach it through private endpoints; set the workspace's \`imageBuildCompute\` so images build inside the VNet. ${components}`,
  problem: (r) =>
    isNot(r.publicNetworkAccess, "Disabled")
      ? `has publicNetworkAccess ${shown(r.publicNetworkAccess, "Azure treats it as Enabled")}`
      : undefined,
  fix: (token) =>
    `set ${describeSetting(token, "publicNetworkAccess", "Disabled")} and reach the registry through private endpoints`,
});

export const registryNetworkRules = serviceRule<ScopeConfig>({
  name: "registry-network-rules-restricted",
  description:
    "A container registry an ML workspace uses should not allow unrestricted network access (networkRuleSet.defaultAction Deny, or public access Disabled).",
  kind: "containerRegistry",
  builtIns: ["d0793b48-0edc-4296-a390-4c75d1bdfd71"],
  severity: "high",
  url: "https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks",
  remediationSteps: `Set \`publicNetworkAccess: "Disabled"\`, or \`networkRuleSet: { defaultAction: "Deny" }\` (Premium), on the \`azure-native:containerregistry:Registry\`. ${components}`,
  problem: (r) =>
    isNot(r.networkDefaultAction, "Deny") && isNot(r.publicNetworkAccess, "Disabled")
      ? `is open to all networks: networkRuleSet.defaultAction ${shown(r.networkDefaultAction, "Allow")} and publicNetworkAccess ${shown(r.publicNetworkAccess, "Enabled")}`
      : undefined,
  fix: (token) =>
    `set ${describeSetting(token, "publicNetworkAccess", "Disabled")}, or ${describeSetting(token, "networkRuleSet.defaultAction", "Deny")}`,
});

export const registrySku = serviceRule<ScopeConfig>({
  name: "registry-sku-supports-private-link",
  description:
    "A container registry an ML workspace uses should have the Premium SKU, the only one with private link.",
  kind: "containerRegistry",
  builtIns: ["bd560fc0-3c69-498a-ae9f-aa8eb7de0e13"],
  severity: "medium",
  url: "https://learn.microsoft.com/azure/container-registry/container-registry-skus",
  remediationSteps: `Set \`sku: { name: "Premium" }\` on the \`azure-native:containerregistry:Registry\` (an in-place upgrade). ${components}`,
  problem: (r) => (isNot(r.skuName, "Premium") ? `has SKU ${shown(r.skuName, "none")}` : undefined),
  fix: (token) => `set ${describeSetting(token, "sku.name", "Premium")}`,
});
