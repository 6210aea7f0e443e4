/** The hub-and-spoke program written with the components (docs/scenarios/hub-spoke.md shows the same). */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { CentralPrivateDns, PrivateCompute, SecuredWorkspace, WorkspaceNetwork } from "../../../sdk";

export function componentHubSpoke() {
  return () => {
    const tags = { costCenter: "4711", owner: "ml-platform" };
    const location = "westeurope";
    const group = new resources.ResourceGroup("rg", { location, tags });
    const workspace = new SecuredWorkspace("mlw-hubspoke", {
      resourceGroupName: group.name,
      location,
      imageBuildCompute: "cpu-cluster",
      protectStatefulResources: false,
      tags,
    });
    const [hubVnetId, setHubVnetId] = pulumi.deferredOutput<string>();
    const dns = new CentralPrivateDns("dns", {
      resourceGroupName: group.name,
      location,
      virtualNetworkIds: { hub: hubVnetId },
      resolverVirtualNetworkId: hubVnetId,
      inboundSubnetPrefix: "10.0.4.0/28",
      tags,
    });
    const spoke = {
      servicesSet: false,
      endpoints: [],
      hubVirtualNetworkId: hubVnetId,
      hubAddressSpace: ["10.0.0.0/16"],
      dnsServers: [dns.inboundEndpointIp],
    };
    const net = new WorkspaceNetwork("net", {
      ...workspace.endpointTargets(),
      tags,
      sets: {
        hub: {
          addressSpace: ["10.0.0.0/16"],
          endpointSubnetPrefix: "10.0.1.0/24",
          servicesSet: true,
          dnsMode: "ExistingZones",
          existingZoneIds: dns.zoneIdsByName(),
          subnetOutbound: "None",
        },
        compute: {
          ...spoke,
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          subnetOutbound: "NatGateway",
        },
        clients: { ...spoke, addressSpace: ["10.2.0.0/16"], endpointSubnetPrefix: "10.2.1.0/24" },
      },
    });
    setHubVnetId(net.endpointSet("hub").virtualNetworkId);
    new PrivateCompute("build", {
      kind: "Cluster",
      workspaceName: workspace.workspaceName,
      resourceGroupName: group.name,
      workspaceLocation: location,
      subnetId: net.endpointSet("compute").subnetId,
      peeredSpoke: true,
      computeName: "cpu-cluster",
      vmSize: "Standard_DS3_v2",
      tags,
    });
  };
}
