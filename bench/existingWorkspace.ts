/**
 * Literal ARM ids of an existing workspace and its dependencies: the component benchmarks and the
 * critical path of endpoint sets attach to it, so only the endpoint sets' own resources are measured.
 */
const providers = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-ml/providers";

export const existingWorkspace = {
  workspaceId: `${providers}/Microsoft.MachineLearningServices/workspaces/mlw-bench`,
  storageAccountId: `${providers}/Microsoft.Storage/storageAccounts/stmlbench`,
  keyVaultId: `${providers}/Microsoft.KeyVault/vaults/kv-ml-bench`,
  containerRegistryId: `${providers}/Microsoft.ContainerRegistry/registries/crmlbench`,
  workspacePrincipalId: "11111111-2222-3333-4444-555555555555",
  location: "westeurope",
  resourceGroupName: "rg-ml",
};
