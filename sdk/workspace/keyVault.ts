/** The workspace's key vault: RBAC authorisation, purge protection, private. */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import type { DependencyPlacement } from "./dependencyPlacement";

/** Days a deleted vault stays recoverable (the maximum; purge protection holds the name that long). */
export const softDeleteRetentionDays = 90;

export function newKeyVault(
  name: string,
  vaultName: pulumi.Input<string>,
  tenantId: pulumi.Input<string>,
  placement: DependencyPlacement,
  opts: pulumi.CustomResourceOptions,
): azure.keyvault.Vault {
  return new azure.keyvault.Vault(
    name,
    {
      ...placement,
      vaultName,
      properties: {
        tenantId,
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: softDeleteRetentionDays,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      },
    },
    opts,
  );
}
