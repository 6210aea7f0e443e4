/**
 * Storage accounts ML workspaces use: public network access Disabled, a firewall that denies by default
 * with no IP rules, and trusted Azure services allowed through (Azure Policy's storage built-ins).
 */
import { isNot, serviceRule, shown, type ScopeConfig } from "./serviceRule";
import { describeSetting, inputName } from "../model/settingInputs";

const url = "https://learn.microsoft.com/azure/storage/common/storage-network-security";
const components =
  "`SecuredWorkspace` creates its storage account this way (public access Disabled, `networkRuleSet` Deny with `bypass: AzureServices`), and `WorkspaceNetwork` adds its `blob` and `file` private endpoints in each VNet.";

export const storagePublicAccess = serviceRule<ScopeConfig>({
  name: "storage-public-network-access-disabled",
  description: "A storage account an ML workspace uses should have publicNetworkAccess Disabled.",
  kind: "storageAccount",
  builtIns: ["b2982f36-99f2-4db5-8eff-283140c09693", "a06d0189-92e8-4dba-b0c4-08d7669fce7d"],
  severity: "high",
  url,
  remediationSteps: `Set \`publicNetworkAccess: "Disabled"\` on the \`azure-native:storage:StorageAccount\`, and reach it through private endpoints. ${components}`,
  problem: (s) =>
    isNot(s.publicNetworkAccess, "Disabled")
      ? `has publicNetworkAccess ${shown(s.publicNetworkAccess, "Azure treats it as Enabled")}`
      : undefined,
  fix: (token) =>
    `set ${describeSetting(token, "publicNetworkAccess", "Disabled")} and reach the account through private endpoints`,
});

export interface StorageNetworkRulesConfig extends ScopeConfig {
  /** Accept IP rules on a Deny firewall (then only Azure's 34c877ad condition remains). */
  allowIpRules: boolean;
}

export const storageNetworkRules = serviceRule<StorageNetworkRulesConfig>({
  name: "storage-network-rules-deny",
  description:
    "A storage account an ML workspace uses should deny network access by default (networkAcls.defaultAction Deny) and hold no IP rules.",
  kind: "storageAccount",
  builtIns: ["34c877ad-507e-4c82-993e-3452a6e0ad3c", "2a1a9cdf-e04d-429a-8416-3bfb72a1b26f"],
  severity: "medium",
  url,
  configProperties: { allowIpRules: { type: "boolean", default: false } },
  defaults: { allowIpRules: false },
  remediationSteps: `Set \`networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" }\` (ARM \`networkAcls\`) with no \`ipRules\` on the \`azure-native:storage:StorageAccount\`; clients come in through private endpoints or virtual network rules. ${components}`,
  problem: (s, config) => {
    if (isNot(s.networkDefaultAction, "Deny"))
      return `has networkAcls.defaultAction ${shown(s.networkDefaultAction, "Azure treats it as Allow")}`;
    if (!config.allowIpRules && typeof s.ipRuleCount === "number" && s.ipRuleCount > 0)
      return `lets ${s.ipRuleCount} IP rule(s) through its firewall`;
    return undefined;
  },
  fix: (token) =>
    `set ${describeSetting(token, "networkRuleSet.defaultAction", "Deny")} (ARM networkAcls), remove ${inputName(token, "networkRuleSet.ipRules")}, and reach the account through private endpoints or virtual network rules`,
});

export const storageTrustedServices = serviceRule<ScopeConfig>({
  name: "storage-trusted-services-bypass",
  description:
    "A storage account an ML workspace uses should let trusted Azure services through its firewall (bypass includes AzureServices).",
  kind: "storageAccount",
  builtIns: ["c9d007d0-c057-4772-b18c-01e546713bcd"],
  severity: "low",
  url,
  remediationSteps: `Include \`AzureServices\` in \`networkRuleSet.bypass\` (ARM \`networkAcls.bypass\`) of the \`azure-native:storage:StorageAccount\`, e.g. \`bypass: "AzureServices"\`. ${components}`,
  problem: (s) =>
    typeof s.bypass === "string" &&
    !s.bypass
      .split(",")
      .map((b) => b.trim().toLowerCase())
      .includes("azureservices")
      ? `has networkAcls.bypass '${s.bypass}', which keeps trusted Azure services out`
      : undefined,
  fix: (token) =>
    `add AzureServices to ${inputName(token, "networkRuleSet.bypass")} (ARM networkAcls.bypass)`,
});
