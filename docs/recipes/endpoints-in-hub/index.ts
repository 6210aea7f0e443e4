/**
 * Recipe: the workspace's endpoints in the hub, clients in spokes. The hub VNet holds the central private DNS
 * zones, a DNS Private Resolver's inbound endpoint and the workspace's private endpoints; each spoke is peered
 * with the hub and uses the resolver as its DNS server (docs/recipes/README.md). The stack's `clientsDnsServers`
 * config says whether the clients spoke does: its broken twin (`Pulumi.broken.yaml`) leaves that out.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  CentralPrivateDns,
  DnsModes,
  PrivateCompute,
  PrivateComputeKinds,
  SecuredWorkspace,
  SubnetOutbounds,
  WorkspaceNetwork,
} from "azureml-network-isolation";

const config = new pulumi.Config();
const location = "westeurope";
const resourceGroupName = "rg-ml-hub";
const hubAddressSpace = ["10.0.0.0/16"];

const workspace = new SecuredWorkspace("ml", {
  resourceGroupName,
  location,
  workspaceName: "mlw-hub",
  imageBuildCompute: "cpu-cluster",
});

// The zones link to the hub VNet and the resolver sits in it, while the hub's endpoints write the zones.
const [hubVnetId, setHubVnetId] = pulumi.deferredOutput<string>();
const dns = new CentralPrivateDns("dns", {
  resourceGroupName,
  location,
  virtualNetworkIds: { hub: hubVnetId },
  resolverVirtualNetworkId: hubVnetId,
  inboundSubnetPrefix: "10.0.4.0/28",
});

/** A spoke holds no endpoint: it reaches the hub's over the peering and resolves through the resolver. */
const spoke = (addressSpace: string, endpointSubnetPrefix: string, resolver = true) => ({
  servicesSet: false,
  endpoints: [],
  hubVirtualNetworkId: hubVnetId,
  hubAddressSpace,
  addressSpace: [addressSpace],
  endpointSubnetPrefix,
  ...(resolver ? { dnsServers: [dns.inboundEndpointIp] } : {}),
});

const net = new WorkspaceNetwork("net", {
  ...workspace.endpointTargets(),
  sets: {
    hub: {
      addressSpace: hubAddressSpace,
      endpointSubnetPrefix: "10.0.1.0/24",
      servicesSet: true,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      // Only endpoints in this subnet: private, no egress.
      subnetOutbound: SubnetOutbounds.None,
    },
    compute: { ...spoke("10.1.0.0/16", "10.1.1.0/24"), subnetOutbound: SubnetOutbounds.NatGateway },
    clients: spoke("10.2.0.0/16", "10.2.1.0/24", config.getBoolean("clientsDnsServers") ?? true),
  },
});
setHubVnetId(net.endpointSet("hub").virtualNetworkId);

// A cluster may sit in a spoke peered with the workspace endpoint's VNet; a compute instance may not.
new PrivateCompute("build", {
  kind: PrivateComputeKinds.Cluster,
  workspaceName: workspace.workspaceName,
  resourceGroupName,
  workspaceLocation: location,
  subnetId: net.endpointSet("compute").subnetId,
  peeredSpoke: true,
  computeName: "cpu-cluster",
  vmSize: "Standard_DS3_v2",
});

export const resolverIp = dns.inboundEndpointIp;
export const virtualNetworkIds = net.virtualNetworkIds;
