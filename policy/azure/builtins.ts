/**
 * The built-in Azure Policy definitions for network isolation of Azure ML and its storage, key vault and
 * registry (Azure/azure-policy, built-in-policies/policyDefinitions, release 3.2026.0417.1), and which
 * policy of this pack enforces each at preview, or why none can. The policy README's parity table is
 * checked against this one table.
 */

export interface BuiltInPolicy {
  /** The definition's name (its id's last segment). */
  id: string;
  displayName: string;
  /** Azure's default effect. */
  effect: string;
  /** The definition's effect parameter allows Deny (an assignment can block the deployment). */
  offersDeny: boolean;
  /** Our policies enforcing its condition; empty when none can at preview. */
  policies: readonly string[];
  /** How ours compares (same, stricter, what a Modify or DINE becomes), or why none can enforce it. */
  note: string;
}

const flagOnly = "at preview we can only flag what Azure would deploy";

export const builtInPolicies: readonly BuiltInPolicy[] = [
  {
    id: "e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f",
    displayName: "Azure Machine Learning Computes should have local authentication methods disabled",
    effect: "Audit",
    offersDeny: true,
    policies: ["compute-local-auth-disabled"],
    note: "Same condition (ComputeInstance, AmlCompute).",
  },
  {
    id: "a6f9a2d0-cff7-4855-83ad-4cd750666512",
    displayName: "Configure Azure Machine Learning Computes to disable local authentication methods",
    effect: "Modify",
    offersDeny: false,
    policies: ["compute-local-auth-disabled"],
    note: "Remediates: sets disableLocalAuth true (classic: localAuthEnabled false) on compute clusters and instances.",
  },
  {
    id: "7804b5c7-01dc-4723-969b-ae300cc07ff1",
    displayName: "Azure Machine Learning Computes should be in a virtual network",
    effect: "Audit",
    offersDeny: false,
    policies: ["compute-in-virtual-network"],
    note: "Same condition, except computes of a managed-network workspace, which have no subnet by design.",
  },
  {
    id: "679ddf89-ab8f-48a5-9029-e76054077449",
    displayName: "Azure Machine Learning Compute Instance should have idle shutdown.",
    effect: "Audit",
    offersDeny: true,
    policies: ["compute-instance-idle-shutdown"],
    note: "Stricter: the idle time must also be within a limit (maxIdleMinutes, default 60).",
  },
  {
    id: "438c38d2-3772-465a-a9cc-7a6666a275ce",
    displayName: "Azure Machine Learning Workspaces should disable public network access",
    effect: "Audit",
    offersDeny: true,
    policies: ["workspace-public-network-access-disabled"],
    note: "Same condition (an omitted value counts as Enabled).",
  },
  {
    id: "a10ee784-7409-4941-b091-663697637c0f",
    displayName: "Configure Azure Machine Learning Workspaces to disable public network access",
    effect: "Modify",
    offersDeny: false,
    policies: ["workspace-public-network-access-disabled"],
    note: "Remediates: sets publicNetworkAccess Disabled and drops the IP rules online endpoints would keep.",
  },
  {
    id: "45e05259-1eb5-4f70-9574-baf73e9d219b",
    displayName: "Azure Machine Learning workspaces should use private link",
    effect: "Audit",
    offersDeny: false,
    policies: ["private-link-used"],
    note: "Same condition as the program declares it: a workspace with no private endpoint in the stack.",
  },
  {
    id: "7838fd83-5cbb-4b5d-888c-bfa240972597",
    displayName: "Configure Azure Machine Learning workspaces with private endpoints",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["private-link-used"],
    note: `Flags the workspace with no endpoint; ${flagOnly}.`,
  },
  {
    id: "ee40564d-486e-4f68-a5ca-7a621edae0fb",
    displayName: "Configure Azure Machine Learning workspace to use private DNS zones",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["endpoint-dns-zone-group"],
    note: "Stricter: the zone group must name both the api and the notebooks zone, not merely exist.",
  },
  {
    id: "6ddb1705-c8cf-450e-aa4b-19ad6703c440",
    displayName:
      "Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode",
    effect: "Audit",
    offersDeny: true,
    policies: ["workspace-managed-network-isolation-mode"],
    note: "Sensible default: Azure's parameter defaults to Disabled, flagging the mode it is named after; ours flags AllowInternetOutbound, and allowedModes mirrors any assignment.",
  },
  {
    id: "e413671a-dd10-4cc1-a943-45b598596cb7",
    displayName:
      "Azure Machine Learning workspaces should enable V1LegacyMode to support network isolation backward compatibility",
    effect: "Audit",
    offersDeny: true,
    policies: [],
    note: "Not enforced: v1 legacy mode must be off for managed online endpoints and managed networks, which this product supports; enforcing it would block them.",
  },
  {
    id: "b2982f36-99f2-4db5-8eff-283140c09693",
    displayName: "Storage accounts should disable public network access",
    effect: "Audit",
    offersDeny: true,
    policies: ["storage-public-network-access-disabled"],
    note: "Same condition, on the accounts ML workspaces use (scope: all for every account).",
  },
  {
    id: "a06d0189-92e8-4dba-b0c4-08d7669fce7d",
    displayName: "Configure storage accounts to disable public network access",
    effect: "Modify",
    offersDeny: false,
    policies: ["storage-public-network-access-disabled"],
    note: "Flags, does not remediate: disabling access cuts off every client without a private endpoint.",
  },
  {
    id: "34c877ad-507e-4c82-993e-3452a6e0ad3c",
    displayName: "Storage accounts should restrict network access",
    effect: "Audit",
    offersDeny: true,
    policies: ["storage-network-rules-deny"],
    note: "Same condition (defaultAction Deny); stricter by default: IP rules are flagged too (allowIpRules).",
  },
  {
    id: "2a1a9cdf-e04d-429a-8416-3bfb72a1b26f",
    displayName: "Storage accounts should restrict network access using virtual network rules",
    effect: "Audit",
    offersDeny: true,
    policies: ["storage-network-rules-deny"],
    note: "Same condition: defaultAction Deny and no IP rules.",
  },
  {
    id: "c9d007d0-c057-4772-b18c-01e546713bcd",
    displayName: "Storage accounts should allow access from trusted Microsoft services",
    effect: "Audit",
    offersDeny: true,
    policies: ["storage-trusted-services-bypass"],
    note: "Same condition: a declared bypass must include AzureServices.",
  },
  {
    id: "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751",
    displayName: "Storage account public access should be disallowed",
    effect: "Audit",
    offersDeny: true,
    policies: ["storage-blob-public-access-disallowed"],
    note: "Same condition and the same Azure Red Hat OpenShift exclusion, on every storage account (anonymous blob access is never needed by ML).",
  },
  {
    id: "13502221-8df0-4414-9937-de9c5c4e396b",
    displayName: "Configure your Storage account public access to be disallowed",
    effect: "Modify",
    offersDeny: false,
    policies: ["storage-blob-public-access-disallowed"],
    note: "Remediates: sets allowBlobPublicAccess false (classic: allowNestedItemsToBePublic false; no network path changes).",
  },
  {
    id: "6edd7eda-6dd8-40f7-810d-67160c639cd9",
    displayName: "Storage accounts should use private link",
    effect: "AuditIfNotExists",
    offersDeny: false,
    policies: ["private-link-used", "dependency-endpoints-per-vnet"],
    note: "An account ML workspaces use with no private endpoint in the stack; per VNet, blob and file are required.",
  },
  {
    id: "9f766f00-8d11-464e-80e1-4091d7874074",
    displayName: "Configure Storage account to use a private link connection",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["private-link-used"],
    note: `Flags the account with no endpoint; ${flagOnly}.`,
  },
  ...(
    [
      ["75973700-529f-4de2-b794-fb9b6781b6b0", "blob"],
      ["6df98d03-368a-4438-8730-a93c4d7693d6", "file"],
      ["83c6fe0f-2316-444a-99a1-1ecd8a7872ca", "dfs"],
      ["bcff79fb-2b0d-47c9-97e5-3023479b00d1", "queue"],
      ["028bbd88-e9b5-461f-9424-a1b63a7bee1a", "table"],
    ] as const
  ).map(([id, groupId]) => ({
    id,
    displayName: `Configure a private DNS Zone ID for ${groupId} groupID`,
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["endpoint-dns-zone-group"],
    note: `Stricter: a ${groupId} endpoint needs a zone group naming the ${groupId} zone of its cloud (mandatory); ${flagOnly}.`,
  })),
  {
    id: "405c5871-3e91-4644-8a63-58e19d68ff5b",
    displayName: "Azure Key Vault should disable public network access",
    effect: "Audit",
    offersDeny: true,
    policies: ["key-vault-public-network-access-disabled"],
    note: "Same condition (vaults being recovered excepted), on the vaults ML workspaces use.",
  },
  {
    id: "55615ac9-af46-4a59-874e-391cc3dfb490",
    displayName: "Azure Key Vault should have firewall enabled or public network access disabled",
    effect: "Audit",
    offersDeny: true,
    policies: ["key-vault-firewall-enabled"],
    note: "Same condition with the default parameters (no IP restriction lists).",
  },
  {
    id: "ac673a9a-f77d-4846-b2d8-a57f8e1c01dc",
    displayName: "Configure key vaults to enable firewall",
    effect: "Modify",
    offersDeny: false,
    policies: ["key-vault-firewall-enabled"],
    note: "Flags, does not remediate: a Deny firewall cuts off every client without a private endpoint.",
  },
  {
    id: "ac673a9a-f77d-4846-b2d8-a57f8e1c01d4",
    displayName: "Configure Azure Key Vaults to use private DNS zones",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["endpoint-dns-zone-group"],
    note: `Stricter: the zone group must name the vault zone of its cloud (mandatory); ${flagOnly}.`,
  },
  {
    id: "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9",
    displayName: "Azure Key Vaults should use private link",
    effect: "Audit",
    offersDeny: false,
    policies: ["private-link-used", "dependency-endpoints-per-vnet"],
    note: "A vault ML workspaces use with no private endpoint in the stack; per VNet, vault is required.",
  },
  {
    id: "9d4fad1f-5189-4a42-b29e-cf7929c6b6df",
    displayName: "Configure Azure Key Vaults with private endpoints",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["private-link-used"],
    note: `Flags the vault with no endpoint; ${flagOnly}.`,
  },
  {
    id: "0fdf0491-d080-4575-b627-ad0e843cba0f",
    displayName: "Public network access should be disabled for Container registries",
    effect: "Audit",
    offersDeny: true,
    policies: ["registry-public-network-access-disabled"],
    note: "Same condition, on the registries ML workspaces use.",
  },
  {
    id: "a3701552-92ea-433e-9d17-33b7f1208fc9",
    displayName: "Configure Container registries to disable public network access",
    effect: "Modify",
    offersDeny: false,
    policies: ["registry-public-network-access-disabled"],
    note: "Flags, does not remediate: disabling access cuts off every client and build agent without a private endpoint.",
  },
  {
    id: "d0793b48-0edc-4296-a390-4c75d1bdfd71",
    displayName: "Container registries should not allow unrestricted network access",
    effect: "Audit",
    offersDeny: true,
    policies: ["registry-network-rules-restricted"],
    note: "Same condition: defaultAction Allow or omitted while public access is Enabled or omitted.",
  },
  {
    id: "e8eef0a8-67cf-4eb4-9386-14b0e78733d4",
    displayName: "Container registries should use private link",
    effect: "Audit",
    offersDeny: false,
    policies: ["private-link-used", "dependency-endpoints-per-vnet"],
    note: "A registry ML workspaces use with no private endpoint in the stack; per VNet, registry is required.",
  },
  {
    id: "d85c6833-7d33-4cf5-a915-aaa2de84405f",
    displayName: "Configure Container registries with private endpoints",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["private-link-used"],
    note: `Flags the registry with no endpoint; ${flagOnly}.`,
  },
  {
    id: "e9585a95-5b8c-4d03-b193-dc7eb5ac4c32",
    displayName: "Configure Container registries to use private DNS zones",
    effect: "DeployIfNotExists",
    offersDeny: false,
    policies: ["endpoint-dns-zone-group"],
    note: `Stricter: the zone group must name the registry zone of its cloud (mandatory); ${flagOnly}.`,
  },
  {
    id: "bd560fc0-3c69-498a-ae9f-aa8eb7de0e13",
    displayName: "Container registries should have SKUs that support Private Links",
    effect: "Audit",
    offersDeny: true,
    policies: ["registry-sku-supports-private-link", "registry-premium-for-private-endpoints"],
    note: "Same condition (advisory); mandatory once the registry has private endpoints.",
  },
  {
    id: "7bca8353-aa3b-429b-904a-9229c4385837",
    displayName: "Subnets should be private",
    effect: "Audit",
    offersDeny: true,
    policies: ["subnet-private"],
    note: "Same condition, on subnet resources and a VNet's inline subnets.",
  },
  {
    id: "83a86a26-fd1f-447c-b59d-e51f44264114",
    displayName: "Network interfaces should not have public IPs",
    effect: "deny",
    offersDeny: true,
    policies: ["nic-no-public-ip"],
    note: "Same condition, at the same level (mandatory).",
  },
];

/** The built-in a rule mirrors, quoted in its messages. */
export function builtInPolicy(id: string): BuiltInPolicy {
  const found = builtInPolicies.find((b) => b.id === id);
  if (!found) throw new Error(`no built-in Azure Policy ${id} in the parity table`);
  return found;
}

/** The built-in's display name, as a rule's message quotes it. */
export function builtInQuote(id: string): { source: string; text: string } {
  const builtIn = builtInPolicy(id);
  return { source: `Azure Policy built-in ${builtIn.id}`, text: builtIn.displayName };
}

/** Tags naming the built-ins a rule mirrors, as Pulumi Cloud shows them. */
export function builtInTags(...ids: string[]): string[] {
  return ids.map((id) => `azure-policy:${builtInPolicy(id).id}`);
}
