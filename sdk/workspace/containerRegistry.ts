/** The workspace's container registry: Premium (private endpoints need it), no admin user, private. */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import type { DependencyPlacement } from "./dependencyPlacement";

export function newContainerRegistry(
  name: string,
  registryName: pulumi.Input<string>,
  placement: DependencyPlacement,
  opts: pulumi.CustomResourceOptions,
): azure.containerregistry.Registry {
  return new azure.containerregistry.Registry(
    name,
    {
      ...placement,
      registryName,
      sku: { name: "Premium" },
      adminUserEnabled: false,
      publicNetworkAccess: "Disabled",
      networkRuleBypassOptions: "AzureServices",
    },
    opts,
  );
}
