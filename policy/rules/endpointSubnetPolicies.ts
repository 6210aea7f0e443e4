/**
 * Rule 8 (subnet): a subnet hosting private endpoints should have network policies for private endpoints
 * disabled. ARM's default is Disabled, so only an explicit other value is reported.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import type { Subnet } from "../model/types";
import { quotes } from "./quotes";

export const endpointSubnetPolicies: StackRule<object> = {
  name: "endpoint-subnet-network-policies",
  description: "A subnet that hosts private endpoints should set privateEndpointNetworkPolicies to Disabled.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "low",
  framework: benchmark("NS-1"),
  remediationSteps: [
    "Set `privateEndpointNetworkPolicies` to `Disabled` on subnets hosting private endpoints (or deliberately manage NSG/UDR support).",
    "",
    '- azure-native: `new network.Subnet(name, { ..., privateEndpointNetworkPolicies: "Disabled" })`.',
    "- Components: the subnets `WorkspaceNetwork` / `PrivateEndpointSet` create already set it.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy",
  tags: ["subnet", "private-endpoint"],
  check: (model) => {
    const hosting = new Map<string, Subnet>();
    for (const endpoint of model.endpoints) {
      const subnet = typeof endpoint.subnet === "string" ? model.subnets.get(endpoint.subnet) : undefined;
      if (subnet) hosting.set(subnet.key, subnet);
    }
    return [...hosting.values()].flatMap((subnet) => {
      const policies = subnet.privateEndpointNetworkPolicies;
      if (typeof policies !== "string" || policies.toLowerCase() === "disabled") return [];
      return [
        {
          urn: subnet.urn,
          message: message({
            subject: subnet.label,
            problem: `hosts private endpoints but has privateEndpointNetworkPolicies "${policies}"`,
            quote: quotes.endpointNetworkPolicies,
            fix: `set privateEndpointNetworkPolicies to "Disabled" on the subnet`,
          }),
        },
      ];
    });
  },
};
