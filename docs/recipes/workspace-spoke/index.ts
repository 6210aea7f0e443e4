/**
 * Recipe: the workspace in a spoke of its own, a clients spoke peered with it. The workspace spoke holds the
 * workspace's private endpoints; the private DNS zones are linked to both VNets, so each resolves the
 * privatelink names through Azure DNS and the clients reach the endpoints over the peering
 * (docs/recipes/README.md). The stack's `linkClientsToZones` config says whether the clients VNet is linked: its
 * broken twin (`Pulumi.broken.yaml`) leaves the link out.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  CentralPrivateDns,
  DnsModes,
  SecuredWorkspace,
  SubnetOutbounds,
  WorkspaceNetwork,
} from "azureml-network-isolation";

const config = new pulumi.Config();
const location = "westeurope";
const resourceGroupName = "rg-ml-spoke";
const workspaceAddressSpace = ["10.20.0.0/16"];

const workspace = new SecuredWorkspace("ml", {
  resourceGroupName,
  location,
  workspaceName: "mlw-spoke",
  imageBuildCompute: "cpu-cluster",
});

// The zones are linked to the workspace spoke, whose endpoints write them; no resolver is needed.
const [workspaceVnetId, setWorkspaceVnetId] = pulumi.deferredOutput<string>();
const dns = new CentralPrivateDns("dns", {
  resourceGroupName,
  location,
  virtualNetworkIds: { workspace: workspaceVnetId },
});

const net = new WorkspaceNetwork("net", {
  ...workspace.endpointTargets(),
  sets: {
    workspace: {
      addressSpace: workspaceAddressSpace,
      endpointSubnetPrefix: "10.20.1.0/24",
      servicesSet: true,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      // Only endpoints in this subnet: private, no egress.
      subnetOutbound: SubnetOutbounds.None,
    },
    // No endpoint of its own: peered both ways with the workspace spoke (a peering, not a hub: a clients spoke may
    // also keep its hub in hubVirtualNetworkId), the zones linked to its VNet too.
    clients: {
      servicesSet: false,
      endpoints: [],
      addressSpace: ["10.30.0.0/16"],
      endpointSubnetPrefix: "10.30.1.0/24",
      peerings: {
        workspace: { remoteVirtualNetworkId: workspaceVnetId, remoteAddressSpace: workspaceAddressSpace },
      },
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      linkExistingZones: config.getBoolean("linkClientsToZones") ?? true,
    },
  },
});
setWorkspaceVnetId(net.endpointSet("workspace").virtualNetworkId);

export const virtualNetworkIds = net.virtualNetworkIds;
