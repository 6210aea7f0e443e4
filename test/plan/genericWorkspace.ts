/** The workspace `mlw` in resource group `rg` as the generic resource the components deploy (the plan tests' fixture). */
import * as resources from "@pulumi/azure-native/resources";

export const genericWorkspaceLocator = {
  resourceGroupName: "rg",
  resourceProviderNamespace: "Microsoft.MachineLearningServices",
  parentResourcePath: "",
  resourceType: "workspaces",
  resourceName: "mlw",
  apiVersion: "2025-10-01-preview",
};

export function genericWorkspace(properties: Record<string, unknown> = {}): resources.Resource {
  return new resources.Resource("ws", { ...genericWorkspaceLocator, location: "westeurope", properties });
}
