/**
 * The `hub-spoke` provided stack: a hub VNet holding the central private DNS zones, a DNS Private Resolver's
 * inbound endpoint and the workspace's endpoints (workspace, storage, key vault, registry); a compute spoke
 * holding the image-build cluster behind a NAT gateway; a clients spoke. Both spokes are peered with the hub
 * and resolve through the resolver. Everything is tagged, and Azure names follow `<namePrefix>-<set>-...`.
 * Read from the `hubSpoke` config object; absent for the other stacks.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import {
  CentralPrivateDns,
  DnsModes,
  PrivateCompute,
  PrivateComputeKinds,
  SecuredWorkspace,
  SubnetOutbounds,
  WorkspaceNetwork,
} from "../../sdk";
import type { ConfigSource } from "./topology";

/** The hub-and-spoke layout as the `hubSpoke` config object gives it. */
export interface HubSpokeConfig {
  hubAddressSpace: string;
  hubEndpointSubnet: string;
  /** The resolver inbound endpoint's subnet (/28 to /24), delegated to Microsoft.Network/dnsResolvers. */
  hubResolverSubnet: string;
  computeAddressSpace: string;
  computeSubnet: string;
  clientsAddressSpace: string;
  clientsSubnet: string;
  /** Prefix of every Azure name the sets give (the company's convention). */
  namePrefix: string;
}

export interface HubSpokeTopology extends HubSpokeConfig {
  location: string;
  resourceGroupName: string;
  workspaceName: string;
  imageBuildCompute: string;
  computeVmSize: string;
  tags: Record<string, string>;
  protectStatefulResources: boolean;
}

/** The hub-and-spoke topology, when the stack sets `hubSpoke`. */
export function hubSpokeFromConfig(config: ConfigSource): HubSpokeTopology | undefined {
  const layout = config.getObject<HubSpokeConfig>("hubSpoke");
  if (!layout || Object.keys(layout).length === 0) return undefined;
  const workspaceName = config.get("workspaceName") ?? "mlw-hubspoke";
  return {
    ...layout,
    location: config.get("location") ?? "westeurope",
    resourceGroupName: config.get("resourceGroupName") || `rg-${workspaceName}`,
    workspaceName,
    imageBuildCompute: config.get("imageBuildCompute") ?? "cpu-cluster",
    computeVmSize: config.get("computeVmSize") ?? "Standard_DS3_v2",
    tags: config.getObject<Record<string, string>>("tags") ?? {},
    protectStatefulResources: config.getBoolean("protectStatefulResources") ?? true,
  };
}

export function deployHubSpoke(t: HubSpokeTopology) {
  const { location, tags } = t;
  const group = new resources.ResourceGroup(
    "rg",
    { resourceGroupName: t.resourceGroupName, location, tags },
    { protect: t.protectStatefulResources },
  );
  const workspace = new SecuredWorkspace("ml", {
    resourceGroupName: group.name,
    location,
    workspaceName: t.workspaceName,
    imageBuildCompute: t.imageBuildCompute,
    protectStatefulResources: t.protectStatefulResources,
    tags,
  });
  // The zones link to the hub VNet and the resolver sits in it, while the hub's endpoints write the zones.
  const [hubVnetId, setHubVnetId] = pulumi.deferredOutput<string>();
  const dns = new CentralPrivateDns("dns", {
    resourceGroupName: group.name,
    location,
    virtualNetworkIds: { hub: hubVnetId },
    resolverVirtualNetworkId: hubVnetId,
    inboundSubnetPrefix: t.hubResolverSubnet,
    tags,
  });
  const spoke = {
    servicesSet: false,
    endpoints: [],
    hubVirtualNetworkId: hubVnetId,
    hubAddressSpace: [t.hubAddressSpace],
    dnsServers: [dns.inboundEndpointIp],
  };
  const net = new WorkspaceNetwork("net", {
    ...workspace.endpointTargets(),
    tags,
    sets: {
      hub: {
        addressSpace: [t.hubAddressSpace],
        endpointSubnetPrefix: t.hubEndpointSubnet,
        servicesSet: true,
        dnsMode: DnsModes.ExistingZones,
        existingZoneIds: dns.zoneIdsByName(),
        // Only endpoints in this subnet: private, no egress.
        subnetOutbound: SubnetOutbounds.None,
        azureNamePrefix: `${t.namePrefix}-hub`,
      },
      compute: {
        ...spoke,
        addressSpace: [t.computeAddressSpace],
        endpointSubnetPrefix: t.computeSubnet,
        // The cluster's nodes (no public IP) reach Azure ML's service tags through the NAT gateway.
        subnetOutbound: SubnetOutbounds.NatGateway,
        azureNamePrefix: `${t.namePrefix}-compute`,
      },
      clients: {
        ...spoke,
        addressSpace: [t.clientsAddressSpace],
        endpointSubnetPrefix: t.clientsSubnet,
        azureNamePrefix: `${t.namePrefix}-clients`,
      },
    },
  });
  setHubVnetId(net.endpointSet("hub").virtualNetworkId);
  new PrivateCompute("build", {
    kind: PrivateComputeKinds.Cluster,
    workspaceName: workspace.workspaceName,
    resourceGroupName: group.name,
    workspaceLocation: location,
    subnetId: net.endpointSet("compute").subnetId,
    peeredSpoke: true,
    computeName: t.imageBuildCompute,
    vmSize: t.computeVmSize,
    tags,
  });
  return {
    resourceGroupName: group.name,
    workspaceId: workspace.workspaceId,
    workspaceName: workspace.workspaceName,
    resolverInboundIp: dns.inboundEndpointIp,
    zoneIds: dns.zoneIds,
    virtualNetworkIds: net.virtualNetworkIds,
    dnsRecords: net.dnsRecords,
  };
}
