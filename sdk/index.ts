/**
 * azureml-network-isolation: Pulumi components for network-isolated Azure Machine Learning workspaces.
 *
 * - {@link SecuredWorkspace}: the workspace and its storage account, key vault, container registry and
 *   Application Insights, with public access Disabled or limited to selected IP ranges.
 * - {@link PrivateEndpointSet}: one VNet's private endpoints to the workspace and its dependencies, with
 *   private DNS zones, zone groups and VNet links.
 */
export { AzureClouds, type AzureCloud, privateDnsZones, zonesFor } from "../policy/azure/clouds";
export { SecuredWorkspace, securedWorkspaceType } from "./workspace/securedWorkspace";
export type { SecuredWorkspaceArgs } from "./workspace/securedWorkspaceArgs";
export { PublicNetworkAccess } from "./workspace/publicNetworkAccess";
export { workspaceApiVersion } from "./workspace/workspaceResource";
