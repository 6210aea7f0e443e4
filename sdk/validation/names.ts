/** Azure's name rules for the resources the components name or point at, as a table. */
import { shown, type ArgProblem } from "./argProblem";

/** One kind of Azure name: what it is called, ARM's pattern, and the rule as a fix. */
export interface NameRule {
  /** What the name names, e.g. "workspace name". */
  noun: string;
  pattern: RegExp;
  /** The rule in words, said after "use". */
  rule: string;
  /** What to give, when "a <noun>" does not say it best. */
  expected?: string;
}

export const NameRules = {
  /** Microsoft.MachineLearningServices/workspaces. */
  workspace: {
    noun: "workspace name",
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    rule: "3 to 33 characters: letters, digits, '_' and '-', starting with a letter or digit",
  },
  /** Clusters and instances as Azure Machine Learning accepts them. */
  compute: {
    noun: "compute cluster name",
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])$/,
    rule: "2 to 24 letters, digits and hyphens, starting with a letter and not ending with a hyphen",
  },
  /** An AKS compute target's name in the workspace. */
  aksCompute: {
    noun: "AKS compute name",
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]{0,14}[a-zA-Z0-9])$/,
    rule: "2 to 16 letters, digits and hyphens, starting with a letter and not ending with a hyphen",
  },
  /** Resource groups: letters, digits and `_-.()` (and Unicode letters), not ending with a period. */
  resourceGroup: {
    noun: "resource group name",
    pattern: /^[-\w.()\p{L}\p{N}]{0,89}[-\w()\p{L}\p{N}]$/u,
    rule: "1 to 90 letters, digits, '_', '-', '.', '(' and ')', not ending with '.'",
    expected: "the resource group name",
  },
  /** Microsoft.DataFactory/factories. */
  dataFactory: {
    noun: "data factory name",
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?!-)){1,61}[a-zA-Z0-9]$/,
    rule: "3 to 63 letters, digits and single hyphens, starting and ending with a letter or digit",
  },
  /** Microsoft.Synapse/workspaces. */
  synapseWorkspace: {
    noun: "Synapse workspace name",
    pattern: /^(?!.*-ondemand)[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/,
    rule: "1 to 50 lower-case letters, digits and hyphens, starting and ending with a letter or digit, without -ondemand",
  },
  /** A child resource named by the caller (managed VNets, managed private endpoints, connections). */
  childResource: {
    noun: "resource name",
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/,
    rule: "1 to 80 letters, digits, '_', '.' and '-', starting with a letter or digit and not ending with '.' or '-'",
  },
  /** Keys the components turn into child resource names (additional storage accounts). */
  key: {
    noun: "key",
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,58}[a-zA-Z0-9_])?$/,
    rule: "1 to 60 letters, digits, '_', '.' and '-', starting with a letter or digit (it names child resources)",
  },
  /** Azure VM sizes, e.g. Standard_DS3_v2. */
  vmSize: {
    noun: "VM size",
    pattern: /^[A-Za-z][A-Za-z0-9_]{1,63}$/,
    rule: 'a VM size such as "Standard_DS3_v2" (az vm list-sizes)',
  },
  /** Private DNS zone names, e.g. privatelink.api.azureml.ms. */
  zoneName: {
    noun: "private DNS zone name",
    pattern: /^(?=.{1,253}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/,
    rule: "a DNS zone name such as privatelink.api.azureml.ms",
  },
  /** Azure tag names (at most 128 characters: storage accounts take no longer ones). */
  tagName: {
    noun: "tag name",
    pattern: /^[^<>%&\\?/]{1,128}$/,
    rule: "1 to 128 characters without <, >, %, &, \\, ? or /",
  },
  /** Tag names of resources other than storage accounts (Azure's general limit is 512 characters). */
  tagKey: {
    noun: "tag name",
    pattern: /^[^<>%&\\?/]{1,512}$/,
    rule: "1 to 512 characters without <, >, %, &, \\, ? or /",
  },
  /** Microsoft.Storage/storageAccounts (Azure's naming rules: globally unique). */
  storageAccount: {
    noun: "storage account name",
    pattern: /^[a-z0-9]{3,24}$/,
    rule: "3 to 24 lower-case letters and digits, unique across Azure",
  },
  /** Microsoft.KeyVault/vaults (globally unique). */
  keyVault: {
    noun: "key vault name",
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){1,22}[a-zA-Z0-9]$/,
    rule: "3 to 24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit, unique across Azure",
  },
  /** Microsoft.ContainerRegistry/registries (globally unique). */
  containerRegistry: {
    noun: "container registry name",
    pattern: /^[a-zA-Z0-9]{5,50}$/,
    rule: "5 to 50 letters and digits, unique across Azure",
  },
  /** Microsoft.Insights/components. */
  applicationInsights: {
    noun: "Application Insights name",
    pattern: /^[^%&\\?/]{0,259}[^%&\\?/. ]$/,
    rule: "1 to 260 characters without %, &, \\, ? or /, not ending with '.' or a space",
  },
  /** Microsoft.OperationalInsights/workspaces. */
  logAnalyticsWorkspace: {
    noun: "Log Analytics workspace name",
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
    rule: "4 to 63 letters, digits and hyphens, starting and ending with a letter or digit",
  },
  /** Virtual networks, subnets, private endpoints, NICs, NAT gateways, DNS resolvers and their endpoints. */
  networkResource: {
    noun: "network resource name",
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$/,
    rule: "2 to 64 letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_'",
  },
} as const satisfies Record<string, NameRule>;

/** Why `value` is not a valid name by `rule`. */
export function nameProblems(propertyPath: string, value: string, rule: NameRule): ArgProblem[] {
  if (rule.pattern.test(value)) return [];
  return [{ propertyPath, reason: `${shown(value)} is not a valid ${rule.noun}; use ${rule.rule}` }];
}
