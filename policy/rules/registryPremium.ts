/** Rule 10 (registry tier): private endpoints on a container registry need the Premium tier. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { endpointsOf } from "../model/queries";
import { quotes } from "./quotes";

export const registryPremium: StackRule<object> = {
  name: "registry-premium-for-private-endpoints",
  description: "A container registry with private endpoints must use the Premium SKU.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Use the Premium SKU on a container registry with private endpoints.",
    "",
    '- azure-native: `new containerregistry.Registry(name, { ..., sku: { name: "Premium" }, publicNetworkAccess: "Disabled" })`.',
    "- Components: `SecuredWorkspace` creates its registry as Premium.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/container-registry/container-registry-private-link",
  tags: ["container-registry", "private-endpoint"],
  check: (model) =>
    [...model.services.values()].flatMap((service) => {
      if (service.kind !== "containerRegistry" || endpointsOf(model, service.key).length === 0) return [];
      const sku = service.skuName;
      if (typeof sku !== "string" || sku.toLowerCase() === "premium") return [];
      return [
        {
          urn: service.urn,
          message: message({
            subject: service.label,
            problem: `has private endpoints but SKU ${sku}`,
            quote: quotes.registryPremium,
            fix: `set sku.name to "Premium"`,
          }),
        },
      ];
    }),
};
