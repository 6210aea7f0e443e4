/**
 * Key vaults ML workspaces use: public network access Disabled, or at least a firewall denying by default
 * (Azure Policy's key vault built-ins). A vault being recovered (createMode recover) keeps its settings,
 * and Azure exempts it.
 */
import { isNot, serviceRule, shown, type ScopeConfig } from "./serviceRule";
import type { DependencyService } from "../model/types";
import { describeSetting } from "../model/settingInputs";

const url = "https://learn.microsoft.com/azure/key-vault/general/network-security";
const components =
  "`SecuredWorkspace` creates its key vault this way (`properties.publicNetworkAccess: Disabled`, `networkAcls` Deny), and `WorkspaceNetwork` adds its `vault` private endpoint in each VNet.";

const recovering = (v: DependencyService) =>
  typeof v.createMode === "string" && v.createMode.toLowerCase() === "recover";

export const keyVaultPublicAccess = serviceRule<ScopeConfig>({
  name: "key-vault-public-network-access-disabled",
  description: "A key vault an ML workspace uses should have publicNetworkAccess Disabled.",
  kind: "keyVault",
  builtIns: ["405c5871-3e91-4644-8a63-58e19d68ff5b"],
  severity: "high",
  url,
  remediationSteps: `Set \`properties.publicNetworkAccess: "Disabled"\` on the \`azure-native:keyvault:Vault\`, and reach it through private endpoints. ${components}`,
  problem: (v) =>
    !recovering(v) && isNot(v.publicNetworkAccess, "Disabled")
      ? `has publicNetworkAccess ${shown(v.publicNetworkAccess, "Azure treats it as Enabled")}`
      : undefined,
  fix: (token) =>
    `set ${describeSetting(token, "properties.publicNetworkAccess", "Disabled")} and reach the vault through private endpoints`,
});

export const keyVaultFirewall = serviceRule<ScopeConfig>({
  name: "key-vault-firewall-enabled",
  description:
    "A key vault an ML workspace uses should have its firewall on (networkAcls.defaultAction Deny) or public network access Disabled.",
  kind: "keyVault",
  builtIns: ["55615ac9-af46-4a59-874e-391cc3dfb490", "ac673a9a-f77d-4846-b2d8-a57f8e1c01dc"],
  severity: "high",
  url,
  remediationSteps: `Set \`properties.networkAcls: { defaultAction: "Deny", bypass: "AzureServices" }\` or \`properties.publicNetworkAccess: "Disabled"\` on the \`azure-native:keyvault:Vault\`. ${components}`,
  problem: (v) =>
    !recovering(v) && isNot(v.networkDefaultAction, "Deny") && isNot(v.publicNetworkAccess, "Disabled")
      ? `is open to all networks: networkAcls.defaultAction ${shown(v.networkDefaultAction, "Azure treats it as Allow")} and publicNetworkAccess ${shown(v.publicNetworkAccess, "Enabled")}`
      : undefined,
  fix: (token) =>
    `set ${describeSetting(token, "properties.networkAcls.defaultAction", "Deny")} (or ${describeSetting(token, "properties.publicNetworkAccess", "Disabled")}) and reach the vault through private endpoints`,
});
