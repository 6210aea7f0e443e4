/** The workspace's default storage account, private and hardened. */
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import type { DependencyPlacement } from "./dependencyPlacement";

/**
 * Shared-key access stays enabled: Azure Machine Learning's system datastores (workspaceblobstore,
 * workspacefilestore) and the compute instance's file share mount still authenticate with the account key;
 * identity-only access needs the preview `systemDatastoresAuthMode: identity`, which this product does not
 * adopt. Entra ID is the portal's default (`defaultToOAuthAuthentication`).
 */
export function newStorageAccount(
  name: string,
  accountName: pulumi.Input<string>,
  placement: DependencyPlacement,
  opts: pulumi.CustomResourceOptions,
): azure.storage.StorageAccount {
  return new azure.storage.StorageAccount(
    name,
    {
      ...placement,
      accountName,
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: "TLS1_2",
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: true,
      defaultToOAuthAuthentication: true,
      allowCrossTenantReplication: false,
      publicNetworkAccess: "Disabled",
      networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
    },
    { ...opts, ...replaceOnChangesOf("storageAccount") },
  );
}
