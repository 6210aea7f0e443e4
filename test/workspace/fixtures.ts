/** Arguments and ids shared by the workspace tests. */
import { fakeSubscriptionId } from "../../plan/fakeAzure";
import type { SecuredWorkspaceArgs } from "../../sdk/workspace/securedWorkspaceArgs";

const rg = `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-shared/providers`;

/** ARM ids of existing resources, for adoption. */
export const existing = {
  storageAccountId: `${rg}/Microsoft.Storage/storageAccounts/stshared`,
  keyVaultId: `${rg}/Microsoft.KeyVault/vaults/kv-shared`,
  containerRegistryId: `${rg}/Microsoft.ContainerRegistry/registries/crshared`,
  applicationInsightsId: `${rg}/Microsoft.Insights/components/appi-shared`,
  logAnalyticsWorkspaceId: `${rg}/Microsoft.OperationalInsights/workspaces/log-shared`,
} as const;

/** Minimal valid arguments. */
export function validArgs(overrides: Partial<SecuredWorkspaceArgs> = {}): SecuredWorkspaceArgs {
  return {
    resourceGroupName: "rg-ml",
    location: "westeurope",
    workspaceName: "mlw-prod",
    imageBuildCompute: "cpu-cluster",
    ...overrides,
  };
}
