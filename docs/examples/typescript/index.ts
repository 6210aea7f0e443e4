/**
 * A private workspace reachable from two VNets: the services VNet (the workspace's own endpoints and its
 * compute cluster) and an isolated clients VNet with its own endpoints and DNS zones.
 */
import {
  DnsModes,
  PrivateCompute,
  PrivateComputeKinds,
  PublicNetworkAccess,
  SecuredWorkspace,
  WorkspaceNetwork,
  type SecuredWorkspaceArgs,
} from "azureml-network-isolation";

const location = "westeurope";
const resourceGroupName = "rg-ml-isolated";

const workspaceArgs: SecuredWorkspaceArgs = {
  resourceGroupName,
  location,
  workspaceName: "mlw-isolated",
  publicNetworkAccess: PublicNetworkAccess.Disabled,
  imageBuildCompute: "cpu-cluster",
};
const workspace = new SecuredWorkspace("ml", workspaceArgs);

const network = new WorkspaceNetwork("ml", {
  ...workspace.endpointTargets(),
  sets: {
    services: {
      addressSpace: ["10.10.0.0/16"],
      endpointSubnetPrefix: "10.10.1.0/24",
      servicesSet: true,
    },
    clients: {
      addressSpace: ["10.20.0.0/16"],
      endpointSubnetPrefix: "10.20.1.0/24",
      dnsMode: DnsModes.OwnZones,
    },
  },
});

new PrivateCompute("cpu-cluster", {
  kind: PrivateComputeKinds.Cluster,
  computeName: "cpu-cluster",
  workspaceName: workspace.workspaceName,
  resourceGroupName,
  workspaceLocation: location,
  subnetId: network.servicesSubnetId,
  vmSize: "Standard_DS3_v2",
});

export const workspaceId = workspace.workspaceId;
export const servicesSubnetId = network.servicesSubnetId;
