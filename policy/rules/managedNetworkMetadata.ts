/**
 * What the managed-network rules share in their policy metadata: the benchmark control they serve, the
 * documents they rest on, and the two ways to write a managed network that remediation steps show.
 */
import { benchmark } from "../pack/benchmark";

export const networkControls = benchmark("NS-2");

export const managedNetworkDocs = {
  howTo: "https://learn.microsoft.com/azure/machine-learning/how-to-managed-network",
  onlineEndpoints: "https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint",
  batchEndpoints: "https://learn.microsoft.com/azure/machine-learning/how-to-secure-batch-endpoint",
} as const;

export const managedNetworkTags = ["azure-ml", "network-isolation", "managed-network"];

/** Markdown: the managed network as azure-native and SecuredWorkspace write it, with `rules` as the rules. */
export function managedNetworkExample(mode: string, nativeRules: string, componentRules: string): string {
  return [
    "azure-native (`machinelearningservices.Workspace`):",
    "```ts",
    `managedNetwork: { isolationMode: "${mode}", outboundRules: { ${nativeRules} } }`,
    "```",
    "`SecuredWorkspace`:",
    "```ts",
    `managedNetwork: { isolationMode: "${mode}", ${componentRules} }`,
    "```",
  ].join("\n");
}

/** What every managed-network rule without settings of its own shares. */
export const managedNetworkRuleBase = {
  configSchema: { properties: {} },
  defaults: {},
  framework: networkControls,
  tags: managedNetworkTags,
};
