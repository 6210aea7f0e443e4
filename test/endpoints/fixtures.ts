/** Literal ids of an existing workspace and its dependencies, shared by the endpoint tests. */
const rg = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-ml/providers";

export const existingWorkspace = {
  workspaceId: `${rg}/Microsoft.MachineLearningServices/workspaces/mlw1`,
  storageAccountId: `${rg}/Microsoft.Storage/storageAccounts/stml1`,
  keyVaultId: `${rg}/Microsoft.KeyVault/vaults/kvml1`,
  containerRegistryId: `${rg}/Microsoft.ContainerRegistry/registries/crml1`,
  workspacePrincipalId: "11111111-2222-3333-4444-555555555555",
  location: "westeurope",
  resourceGroupName: "rg-ml",
};

export const dataLakeId = `${rg}/Microsoft.Storage/storageAccounts/stlake1`;
export const archiveId = `${rg}/Microsoft.Storage/storageAccounts/starchive1`;
