/**
 * Literal ARM ids of resources that exist outside the program (created by another stack or by hand), as a
 * program would paste them from the portal: no Output, so the engine sends no property dependencies.
 */
import { fakeSubscriptionId } from "../../../plan/fakeAzure";

const rgId = (resourceGroup: string) =>
  `/subscriptions/${fakeSubscriptionId}/resourceGroups/${resourceGroup}`;

export const existingIds = {
  storage: `${rgId("rg-ml-existing")}/providers/Microsoft.Storage/storageAccounts/stmlexisting`,
  vault: `${rgId("rg-ml-existing")}/providers/Microsoft.KeyVault/vaults/kv-ml-existing`,
  registry: `${rgId("rg-ml-existing")}/providers/Microsoft.ContainerRegistry/registries/acrmlexisting`,
  workspace: `${rgId("rg-ml-existing")}/providers/Microsoft.MachineLearningServices/workspaces/mlw-existing`,
  vnet: (prefix: string) =>
    `${rgId(`rg-${prefix}-net`)}/providers/Microsoft.Network/virtualNetworks/vnet-${prefix}`,
  subnet: (prefix: string) => `${existingIds.vnet(prefix)}/subnets/snet-pe`,
};
