/**
 * azureml-network-isolation: Pulumi components for network-isolated Azure Machine Learning workspaces.
 *
 * - {@link SecuredWorkspace}: the workspace and its storage account, key vault, container registry and
 *   Application Insights, with public access Disabled or limited to selected IP ranges, and optionally a
 *   managed network with outbound rules.
 * - {@link WorkspaceNetwork}: every VNet's endpoint set of one workspace, keyed by stable set names, with the
 *   rules across sets checked first.
 * - {@link PrivateEndpointSet}: one VNet's private endpoints to the workspace and its dependencies, with
 *   private DNS zones, zone groups and VNet links; or a spoke peered with a hub, resolving through it.
 * - {@link CentralPrivateDns}: a hub's zones, links and DNS Private Resolver.
 * - {@link PrivateCompute}: a compute cluster or instance without public IPs, in the services subnet or the
 *   managed VNet.
 * - {@link AttachedAksCompute}: an existing AKS cluster attached as a compute target.
 * - {@link DataFactoryManagedEndpoints}: managed private endpoints from a Data Factory managed VNet to the
 *   workspace and its dependencies, approved on the targets.
 * - {@link SynapseManagedEndpoints}: the same from a Synapse managed VNet (planned, with the commands to
 *   create them, then approved).
 * - {@link ManagedEndpointApproval}: approval of one managed private endpoint's connection on its target.
 *
 * @example
 * ```ts
 * import { SecuredWorkspace, WorkspaceNetwork } from "azureml-network-isolation";
 *
 * const ws = new SecuredWorkspace("ml", { resourceGroupName: "rg-ml", location: "westeurope", imageBuildCompute: "cpu-cluster" });
 * const net = new WorkspaceNetwork("net", {
 *   ...ws.endpointTargets(),
 *   sets: { services: { addressSpace: ["10.10.0.0/16"], endpointSubnetPrefix: "10.10.1.0/24", servicesSet: true } },
 * });
 * ```
 *
 * @packageDocumentation
 */
export { AzureClouds, type AzureCloud, privateDnsZones, zonesFor } from "../policy/azure/clouds";
export { SecuredWorkspace, securedWorkspaceType } from "./workspace/securedWorkspace";
export type { SecuredWorkspaceArgs } from "./workspace/securedWorkspaceArgs";
export { PublicNetworkAccess } from "./workspace/publicNetworkAccess";
export { workspaceApiVersion } from "./workspace/workspaceResource";
export { PrivateEndpointSet, type PrivateEndpointSetArgs } from "./endpoints/privateEndpointSet";
export { WorkspaceNetwork, type WorkspaceNetworkArgs } from "./endpoints/workspaceNetwork";
export type { EndpointSetLayoutArgs, WorkspaceTargetsArgs } from "./endpoints/endpointSetArgs";
export {
  planEndpoints,
  type EndpointPlanInput,
  type EndpointTargetKind,
  EndpointTargetKinds,
  type PlannedEndpoint,
} from "./endpoints/endpointPlan";
export type { ArgProblem } from "./validation/argProblem";
export { argErrorText, withReadableArgErrors } from "./validation/argErrorText";
export {
  validateEndpointSet,
  validateEndpointSets,
  type EndpointSetLayout,
  type EndpointSetProblem,
} from "./endpoints/validateEndpointSets";
export { DnsModes, type DnsMode } from "./dns/dnsModes";
export { CentralPrivateDns, type CentralPrivateDnsArgs, centralZoneNames } from "./dns/centralPrivateDns";
export { HubPeerings, SubnetOutbounds } from "./network/networkModes";
export type { VnetPeeringArgs } from "./network/setPeerings";
/**
 * A hub the platform team runs in another stack, described once: the `platform-network` policy's `hubs[]`
 * entry, and a set's `platformHub` argument (WorkspaceNetwork / PrivateEndpointSet).
 */
export type {
  PlatformHub,
  PlatformDnsServer,
  PlatformDnsKind,
  PlatformFirewall,
} from "../policy/model/platformNetwork";
export { PlatformDnsKinds } from "../policy/model/platformNetwork";
export type { DnsRecord } from "./dns/dnsRecords";
export { PrivateCompute, PrivateComputeKinds, type PrivateComputeArgs } from "./compute/privateCompute";
export { AttachedAksCompute, type AttachedAksComputeArgs } from "./compute/attachedAksCompute";
export {
  DataFactoryManagedEndpoints,
  type DataFactoryManagedEndpointsArgs,
} from "./managedVnet/dataFactoryManagedEndpoints";
export { synapseManagedVnetProblem, type SynapseNetworkSettings } from "./managedVnet/synapseSupport";
export {
  ManagedEndpointApproval,
  type ManagedEndpointApprovalArgs,
  approvalTemplate,
} from "./managedVnet/managedEndpointApproval";
export {
  SynapseManagedEndpoints,
  type SynapseManagedEndpointsArgs,
  type SynapseManagedEndpoint,
} from "./managedVnet/synapseManagedEndpoints";
export {
  IsolationModes,
  FirewallSkus,
  type ManagedNetworkArgs,
  type PrivateEndpointRuleArgs,
  type FqdnRuleArgs,
  type ServiceTagRuleArgs,
} from "./managedNetwork/managedNetworkArgs";
export { privateEndpointTargets } from "./managedNetwork/managedNetworkProblems";
