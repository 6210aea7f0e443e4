/**
 * Correct topologies written with raw azure-native resource shapes: a single VNet holding the workspace,
 * its dependencies' endpoints and a compute cluster; and the isolated-clients layout, which adds a clients
 * VNet with its own endpoint set and its own zone instances (own resource group) linked only to it.
 */
import { zonesFor, type GroupId } from "../../policy/azure/clouds";
import { Graph, nameOf, ref, type Form, type GraphNode } from "./graph";

export const tokens = {
  vnet: "azure-native:network:VirtualNetwork",
  subnet: "azure-native:network:Subnet",
  endpoint: "azure-native:network:PrivateEndpoint",
  zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
  zone: "azure-native:privatedns:PrivateZone",
  link: "azure-native:privatedns:VirtualNetworkLink",
  workspace: "azure-native:machinelearningservices:Workspace",
  compute: "azure-native:machinelearningservices:Compute",
  onlineEndpoint: "azure-native:machinelearningservices:OnlineEndpoint",
  batchEndpoint: "azure-native:machinelearningservices:BatchEndpoint",
  datastore: "azure-native:machinelearningservices:Datastore",
  storage: "azure-native:storage:StorageAccount",
  vault: "azure-native:keyvault:Vault",
  registry: "azure-native:containerregistry:Registry",
} as const;

export const location = "westeurope";
export const rg = "rg-ml";

export interface Core {
  graph: Graph;
  workspace: GraphNode;
  storage: GraphNode;
  vault: GraphNode;
  registry: GraphNode;
}

export function core(form: Form): Core {
  const graph = new Graph(form);
  const storage = graph.add(tokens.storage, "st", {
    resourceGroupName: rg,
    accountName: "stml",
    location,
    publicNetworkAccess: "Disabled",
    allowBlobPublicAccess: false,
    networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
  });
  const vault = graph.add(tokens.vault, "kv", {
    resourceGroupName: rg,
    vaultName: "kv-ml",
    location,
    properties: { publicNetworkAccess: "Disabled", tenantId: "t", sku: { family: "A", name: "standard" } },
  });
  const registry = graph.add(tokens.registry, "acr", {
    resourceGroupName: rg,
    registryName: "acrml",
    location,
    sku: { name: "Premium" },
    publicNetworkAccess: "Disabled",
  });
  const workspace = graph.add(tokens.workspace, "mlw", {
    resourceGroupName: rg,
    workspaceName: "mlw-private",
    location,
    publicNetworkAccess: "Disabled",
    imageBuildCompute: "cpu-cluster",
    storageAccount: ref(storage),
    keyVault: ref(vault),
    containerRegistry: ref(registry),
  });
  return { graph, workspace, storage, vault, registry };
}

export interface Network {
  vnet: GraphNode;
  endpointSubnet: GraphNode;
  computeSubnet: GraphNode;
}

export function network(graph: Graph, prefix: string, cidr: string): Network {
  const vnet = graph.add(tokens.vnet, `${prefix}-vnet`, {
    resourceGroupName: rg,
    virtualNetworkName: `vnet-${prefix}`,
    location,
    addressSpace: { addressPrefixes: [`${cidr}.0.0/16`] },
  });
  const subnet = (role: string, third: number) =>
    graph.add(tokens.subnet, `${prefix}-snet-${role}`, {
      resourceGroupName: rg,
      virtualNetworkName: nameOf(vnet),
      subnetName: `snet-${role}`,
      addressPrefix: `${cidr}.${third}.0/24`,
      privateEndpointNetworkPolicies: "Disabled",
      defaultOutboundAccess: false,
    });
  return { vnet, endpointSubnet: subnet("pe", 1), computeSubnet: subnet("compute", 2) };
}

/** A peering from `from`'s VNet to `to`'s, allowing access (call twice for both ways). */
export function peer(graph: Graph, from: Network, to: Network): GraphNode {
  return graph.add("azure-native:network:VirtualNetworkPeering", `${from.vnet.name}-to-${to.vnet.name}`, {
    resourceGroupName: rg,
    virtualNetworkName: nameOf(from.vnet),
    virtualNetworkPeeringName: `to-${to.vnet.name}`,
    remoteVirtualNetwork: { id: ref(to.vnet) },
    allowVirtualNetworkAccess: true,
  });
}

/** One endpoint per (target, group id) in `subnet`, zones of their own in `zoneRg` linked to `vnet`. */
export function endpointSet(
  graph: Graph,
  prefix: string,
  net: Network,
  zoneRg: string,
  targets: { node: GraphNode; groupId: GroupId }[],
  /** Zones by name; pass another set's map to make this set write into the same zone instances. */
  zones = new Map<string, GraphNode>(),
): GraphNode[] {
  const zoneOf = (zoneName: string) => {
    if (!zones.has(zoneName)) {
      const zone = graph.add(tokens.zone, `${prefix}-${zoneName}`, {
        resourceGroupName: zoneRg,
        privateZoneName: zoneName,
        location: "global",
      });
      graph.add(tokens.link, `${prefix}-${zoneName}-link`, {
        resourceGroupName: zoneRg,
        privateZoneName: nameOf(zone),
        virtualNetworkLinkName: `link-${prefix}`,
        location: "global",
        registrationEnabled: false,
        virtualNetwork: { id: ref(net.vnet) },
      });
      zones.set(zoneName, zone);
    }
    return zones.get(zoneName)!;
  };
  return targets.map(({ node, groupId }) => {
    const endpoint = graph.add(tokens.endpoint, `${prefix}-pe-${node.name}-${groupId}`, {
      resourceGroupName: rg,
      privateEndpointName: `pe-${prefix}-${node.name}-${groupId}`,
      location,
      subnet: { id: ref(net.endpointSubnet) },
      privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: ref(node), groupIds: [groupId] }],
    });
    graph.add(tokens.zoneGroup, `${prefix}-pe-${node.name}-${groupId}-dns`, {
      resourceGroupName: rg,
      privateEndpointName: nameOf(endpoint),
      privateDnsZoneGroupName: "default",
      privateDnsZoneConfigs: zonesFor("AzureCloud", groupId).map((zoneName) => ({
        name: zoneName.replace(/\./g, "-"),
        privateDnsZoneId: ref(zoneOf(zoneName)),
      })),
    });
    return endpoint;
  });
}

export function allTargets(c: Core): { node: GraphNode; groupId: GroupId }[] {
  return [
    { node: c.workspace, groupId: "amlworkspace" },
    { node: c.storage, groupId: "blob" },
    { node: c.storage, groupId: "file" },
    { node: c.vault, groupId: "vault" },
    { node: c.registry, groupId: "registry" },
  ];
}

export function computeCluster(
  graph: Graph,
  workspace: GraphNode,
  subnet: GraphNode,
  name = "cpu-cluster",
): GraphNode {
  return graph.add(tokens.compute, name, {
    resourceGroupName: rg,
    workspaceName: nameOf(workspace),
    computeName: name,
    location,
    properties: {
      computeType: "AmlCompute",
      disableLocalAuth: true,
      properties: { enableNodePublicIp: false, subnet: { id: ref(subnet) }, vmSize: "STANDARD_DS3_V2" },
    },
  });
}

export function singleVnet(form: Form) {
  const c = core(form);
  const services = network(c.graph, "services", "10.0");
  const zones = new Map<string, GraphNode>();
  endpointSet(c.graph, "services", services, rg, allTargets(c), zones);
  computeCluster(c.graph, c.workspace, services.computeSubnet);
  c.graph.add(tokens.onlineEndpoint, "scoring", {
    resourceGroupName: rg,
    workspaceName: nameOf(c.workspace),
    endpointName: "scoring",
    location,
    properties: { authMode: "Key", publicNetworkAccess: "Disabled" },
  });
  return { ...c, services, zones };
}

export function isolatedClients(form: Form) {
  const single = singleVnet(form);
  const clients = network(single.graph, "clients", "10.1");
  endpointSet(single.graph, "clients", clients, "rg-clients-dns", allTargets(single));
  return { ...single, clients };
}
