/**
 * Deploys a {@link Topology}: the secured workspace, one private endpoint set per VNet, the image-build
 * cluster (and optionally a compute instance) in the services subnet, an optional isolated AKS cluster
 * attached to the workspace, an optional managed online endpoint, and an optional data factory whose managed VNet
 * reaches the workspace through managed private endpoints.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as datafactory from "@pulumi/azure-native/datafactory";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import {
  AttachedAksCompute,
  DataFactoryManagedEndpoints,
  type DnsMode,
  type FirewallSkus,
  type IsolationModes,
  type ManagedNetworkArgs,
  type PublicNetworkAccess,
  PrivateComputeKinds,
  PrivateCompute,
  SecuredWorkspace,
  WorkspaceNetwork,
  type EndpointSetLayoutArgs,
} from "../../sdk";
import type { ManagedNetworkConfig, Topology, VnetConfig } from "./topology";

function endpointSet(
  topology: Topology,
  vnet: VnetConfig,
  servicesSet: boolean | undefined,
): EndpointSetLayoutArgs {
  return {
    addressSpace: [vnet.addressSpace],
    endpointSubnetPrefix: vnet.endpointSubnet,
    servicesSet,
    dnsMode: topology.dnsMode as DnsMode,
    existingZoneIds: topology.dnsMode === "ExistingZones" ? topology.hubZoneIds : undefined,
  };
}

/** The workspace's managed network: FQDN rules from config, a blob rule to the stack's data account. */
function managedNetworkArgs(
  config: ManagedNetworkConfig,
  dataStorageAccountId: pulumi.Output<string> | undefined,
): ManagedNetworkArgs {
  return {
    isolationMode: config.isolationMode as IsolationModes,
    fqdnRules: Object.fromEntries(
      Object.entries(config.fqdnRules).map(([name, destination]) => [name, { destination }]),
    ),
    privateEndpointRules: dataStorageAccountId
      ? { "data-blob": { serviceResourceId: dataStorageAccountId, subresourceTarget: "blob" } }
      : undefined,
    firewallSku: config.firewallSku as FirewallSkus | undefined,
  };
}

export function deployTopology(topology: Topology) {
  const protect = topology.protectStatefulResources;
  const { location } = topology;
  // Deleting the group would delete the protected resources in it, so it shares their protection.
  const group = new resources.ResourceGroup(
    "rg",
    { resourceGroupName: topology.resourceGroupName, location },
    { protect },
  );

  const managed = topology.managedNetwork;
  // The managed VNet reaches this account through a private endpoint rule; no public access.
  const dataStorage = managed?.dataStorageAccount
    ? new storage.StorageAccount(
        "data",
        {
          accountName: managed.dataStorageAccount,
          resourceGroupName: group.name,
          location,
          kind: storage.Kind.StorageV2,
          sku: { name: storage.SkuName.Standard_ZRS },
          publicNetworkAccess: storage.PublicNetworkAccess.Disabled,
          allowBlobPublicAccess: false,
          allowSharedKeyAccess: false,
          minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
        },
        { protect },
      )
    : undefined;

  const workspace = new SecuredWorkspace("ml", {
    resourceGroupName: group.name,
    location,
    cloud: topology.cloud,
    workspaceName: topology.workspaceName,
    publicNetworkAccess: topology.publicNetworkAccess as PublicNetworkAccess,
    allowedIpRanges: topology.allowedIpRanges,
    imageBuildCompute: topology.imageBuildCompute,
    protectStatefulResources: protect,
    managedNetwork: managed && managedNetworkArgs(managed, dataStorage?.id),
  });

  // With a managed network the computes run in the managed VNet: no services VNet, the sets serve clients.
  const sets: Record<string, EndpointSetLayoutArgs> = managed
    ? {}
    : { services: endpointSet(topology, topology.services, true) };
  if (topology.clients) sets.clients = endpointSet(topology, topology.clients, managed ? undefined : false);
  if (topology.aks) sets.aks = endpointSet(topology, topology.aks, false);
  const net = new WorkspaceNetwork("net", {
    ...workspace.endpointTargets(),
    managedNetwork: managed !== undefined,
    sets,
  });

  const computeArgs = {
    workspaceName: workspace.workspaceName,
    resourceGroupName: group.name,
    workspaceLocation: location,
    ...(managed ? { managedNetwork: true } : { subnetId: net.servicesSubnetId }),
    vmSize: topology.computeVmSize,
  };
  new PrivateCompute("build", {
    ...computeArgs,
    kind: PrivateComputeKinds.Cluster,
    computeName: topology.imageBuildCompute,
  });
  if (topology.computeInstanceName) {
    new PrivateCompute("instance", {
      ...computeArgs,
      kind: PrivateComputeKinds.Instance,
      computeName: topology.computeInstanceName,
    });
  }

  if (topology.aks) {
    const nodes = new network.Subnet("aks-nodes", {
      resourceGroupName: group.name,
      virtualNetworkName: net.endpointSet("aks").virtualNetworkName,
      addressPrefix: topology.aks.nodeSubnet,
    });
    const cluster = new containerservice.ManagedCluster("aks", {
      resourceGroupName: group.name,
      location,
      dnsPrefix: `${topology.workspaceName}-aks`,
      identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
      enableRBAC: true,
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      apiServerAccessProfile: { enablePrivateCluster: true },
      networkProfile: { networkPlugin: containerservice.NetworkPlugin.Azure, networkPluginMode: "overlay" },
      agentPoolProfiles: [
        {
          name: "system",
          mode: containerservice.AgentPoolMode.System,
          count: topology.aks.nodeCount,
          vmSize: "Standard_D4s_v5",
          vnetSubnetID: nodes.id,
        },
      ],
    });
    new AttachedAksCompute("aks", {
      workspaceName: workspace.workspaceName,
      resourceGroupName: group.name,
      workspaceLocation: location,
      clusterId: cluster.id,
      clusterLocation: location,
      computeName: "aks-inference",
    });
  }

  const onlineEndpoint = topology.onlineEndpoint
    ? new ml.OnlineEndpoint("endpoint", {
        endpointName: topology.onlineEndpoint.name,
        workspaceName: workspace.workspaceName,
        resourceGroupName: group.name,
        location,
        identity: { type: ml.ManagedServiceIdentityType.SystemAssigned },
        properties: {
          authMode: ml.EndpointAuthMode.Key,
          publicNetworkAccess: topology.onlineEndpoint.publicNetworkAccess,
        },
      })
    : undefined;

  const dataFactory = topology.dataFactoryName
    ? new DataFactoryManagedEndpoints("adf", {
        // Through the factory's output, so the managed VNet and endpoints wait for the factory.
        factoryName: new datafactory.Factory("adf", {
          factoryName: topology.dataFactoryName,
          resourceGroupName: group.name,
          location,
          identity: { type: datafactory.FactoryIdentityType.SystemAssigned },
          publicNetworkAccess: datafactory.PublicNetworkAccess.Disabled,
        }).name,
        factoryResourceGroupName: group.name,
        // A new factory has no managed VNet yet.
        createManagedVirtualNetwork: true,
        approveOnTargets: true,
        ...workspace.endpointTargets(),
      })
    : undefined;

  return {
    resourceGroupName: group.name,
    workspaceId: workspace.workspaceId,
    workspaceName: workspace.workspaceName,
    discoveryUrl: workspace.discoveryUrl,
    principalId: workspace.principalId,
    servicesSubnetId: net.servicesSubnetId,
    dnsRecords: net.dnsRecords,
    privateIpAddresses: net.privateIpAddresses,
    ...(onlineEndpoint ? { onlineEndpointId: onlineEndpoint.id } : {}),
    ...(dataFactory ? { dataFactoryManagedEndpointIds: dataFactory.managedEndpointIds } : {}),
  };
}
