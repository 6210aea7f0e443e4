/**
 * A private ML workspace and its storage account, key vault and Premium registry, written with raw
 * azure-native v3 resources; or, when they already exist, their literal ARM ids.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { fakeTenantId } from "../../../plan/fakeAzure";
import { existingIds } from "./existingIds";
import type { Existing } from "./placement";

export const location = "westeurope";

/** The ids private endpoints target. */
export interface Targets {
  workspace: pulumi.Input<string>;
  storage: pulumi.Input<string>;
  vault: pulumi.Input<string>;
  registry: pulumi.Input<string>;
}

function dependencies(resourceGroupName: pulumi.Input<string>): Omit<Targets, "workspace"> {
  const storage = new azure.storage.StorageAccount("st", {
    resourceGroupName,
    accountName: "stml",
    location,
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    publicNetworkAccess: "Disabled",
  });
  const vault = new azure.keyvault.Vault("kv", {
    resourceGroupName,
    vaultName: "kv-ml",
    location,
    properties: {
      tenantId: fakeTenantId,
      sku: { family: "A", name: "standard" },
      publicNetworkAccess: "Disabled",
    },
  });
  const registry = new azure.containerregistry.Registry("acr", {
    resourceGroupName,
    registryName: "acrml",
    location,
    sku: { name: "Premium" },
    publicNetworkAccess: "Disabled",
  });
  return { storage: storage.id, vault: vault.id, registry: registry.id };
}

export function workspaceWithDependencies(existing: Existing): Targets {
  if (existing === "workspace") return existingIds;
  const rg = new azure.resources.ResourceGroup("ml-rg", { resourceGroupName: "rg-ml" });
  const deps = existing === "dependencies" ? existingIds : dependencies(rg.name);
  const workspace = new azure.machinelearningservices.Workspace("mlw", {
    resourceGroupName: rg.name,
    workspaceName: "mlw-private",
    location,
    identity: { type: "SystemAssigned" },
    storageAccount: deps.storage,
    keyVault: deps.vault,
    containerRegistry: deps.registry,
    publicNetworkAccess: "Disabled",
    // ACR tasks cannot build images behind private dependencies.
    imageBuildCompute: "cpu-cluster",
  });
  return { workspace: workspace.id, storage: deps.storage, vault: deps.vault, registry: deps.registry };
}
