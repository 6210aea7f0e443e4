/**
 * The resource kinds the model understands, and how each appears in a Pulumi program: token patterns
 * (azure-native v3, v2 versioned tokens, the v2 `network` zone tokens, the classic provider where
 * azure-native has no resource), its ARM type, the inputs that name it, and whether azure-native flattens
 * the ARM `properties` bag into top-level inputs. A generic `azure-native:resources:Resource` is mapped
 * through its ARM type.
 */
import { ArmTypes } from "../azure/armId";

export const Kinds = {
  workspace: "workspace",
  storageAccount: "storageAccount",
  keyVault: "keyVault",
  containerRegistry: "containerRegistry",
  virtualNetwork: "virtualNetwork",
  subnet: "subnet",
  privateEndpoint: "privateEndpoint",
  zoneGroup: "zoneGroup",
  privateZone: "privateZone",
  vnetLink: "vnetLink",
  compute: "compute",
  onlineEndpoint: "onlineEndpoint",
  batchEndpoint: "batchEndpoint",
  datastore: "datastore",
  managedCluster: "managedCluster",
  synapseWorkspace: "synapseWorkspace",
  synapseManagedEndpoint: "synapseManagedEndpoint",
  dataFactoryManagedEndpoint: "dataFactoryManagedEndpoint",
  networkInterface: "networkInterface",
  outboundRule: "outboundRule",
  onlineDeployment: "onlineDeployment",
  vnetPeering: "vnetPeering",
  vnetDnsServers: "vnetDnsServers",
  dnsResolver: "dnsResolver",
  resolverInboundEndpoint: "resolverInboundEndpoint",
  resolverOutboundEndpoint: "resolverOutboundEndpoint",
  forwardingRuleset: "forwardingRuleset",
  forwardingRule: "forwardingRule",
  rulesetVnetLink: "rulesetVnetLink",
  firewall: "firewall",
  firewallPolicy: "firewallPolicy",
  routeTable: "routeTable",
  route: "route",
  routeTableAssociation: "routeTableAssociation",
  firewallRuleGroup: "firewallRuleGroup",
} as const;
export type Kind = (typeof Kinds)[keyof typeof Kinds];

export interface KindInfo {
  /** Matches the Pulumi type token; `(/v\w+)?` admits versioned modules. */
  token: RegExp;
  /** ARM resource type; absent for resources ARM does not know (Synapse managed endpoints are data plane). */
  armType?: string;
  /** Other ARM types of the same resource, recognised in generic resources. */
  armTypeAliases?: readonly string[];
  /** Inputs naming the resource and its ARM parents, outermost first. */
  nameInputs: readonly string[];
  /** azure-native puts the ARM `properties` bag at the top level of the inputs. */
  flattened: boolean;
}

const native = (module: string, type: string) => new RegExp(`^azure-native:${module}(/v[0-9a-z]+)?:${type}$`);

export const kindInfo: Readonly<Record<Kind, KindInfo>> = {
  workspace: {
    token: native("machinelearningservices", "Workspace"),
    armType: ArmTypes.workspace,
    nameInputs: ["workspaceName"],
    flattened: true,
  },
  storageAccount: {
    token: native("storage", "StorageAccount"),
    armType: ArmTypes.storageAccount,
    nameInputs: ["accountName"],
    flattened: true,
  },
  keyVault: {
    token: native("keyvault", "Vault"),
    armType: ArmTypes.keyVault,
    nameInputs: ["vaultName"],
    flattened: false,
  },
  containerRegistry: {
    token: native("containerregistry", "Registry"),
    armType: ArmTypes.containerRegistry,
    nameInputs: ["registryName"],
    flattened: true,
  },
  virtualNetwork: {
    token: native("network", "VirtualNetwork"),
    armType: ArmTypes.virtualNetwork,
    nameInputs: ["virtualNetworkName"],
    flattened: true,
  },
  subnet: {
    token: native("network", "Subnet"),
    armType: ArmTypes.subnet,
    nameInputs: ["virtualNetworkName", "subnetName"],
    flattened: true,
  },
  privateEndpoint: {
    token: native("network", "PrivateEndpoint"),
    armType: "Microsoft.Network/privateEndpoints",
    nameInputs: ["privateEndpointName"],
    flattened: true,
  },
  zoneGroup: {
    token: native("network", "PrivateDnsZoneGroup"),
    armType: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
    nameInputs: ["privateEndpointName", "privateDnsZoneGroupName"],
    flattened: true,
  },
  privateZone: {
    token: /^azure-native:(privatedns|network)(\/v[0-9a-z]+)?:PrivateZone$/,
    armType: ArmTypes.privateDnsZone,
    nameInputs: ["privateZoneName"],
    flattened: true,
  },
  vnetLink: {
    token: /^azure-native:(privatedns|network)(\/v[0-9a-z]+)?:VirtualNetworkLink$/,
    armType: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
    nameInputs: ["privateZoneName", "virtualNetworkLinkName"],
    flattened: true,
  },
  compute: {
    token: native("machinelearningservices", "Compute"),
    armType: "Microsoft.MachineLearningServices/workspaces/computes",
    nameInputs: ["workspaceName", "computeName"],
    flattened: false,
  },
  onlineEndpoint: {
    token: native("machinelearningservices", "OnlineEndpoint"),
    armType: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
    nameInputs: ["workspaceName", "endpointName"],
    flattened: false,
  },
  batchEndpoint: {
    token: native("machinelearningservices", "BatchEndpoint"),
    armType: "Microsoft.MachineLearningServices/workspaces/batchEndpoints",
    nameInputs: ["workspaceName", "endpointName"],
    flattened: false,
  },
  datastore: {
    token: native("machinelearningservices", "Datastore"),
    armType: "Microsoft.MachineLearningServices/workspaces/datastores",
    nameInputs: ["workspaceName", "name"],
    flattened: false,
  },
  managedCluster: {
    token: native("containerservice", "ManagedCluster"),
    armType: ArmTypes.managedCluster,
    nameInputs: ["resourceName"],
    flattened: true,
  },
  synapseWorkspace: {
    token: /^(azure-native:synapse(\/v[0-9a-z]+)?:Workspace|azure:synapse\/workspace:Workspace)$/,
    armType: ArmTypes.synapseWorkspace,
    nameInputs: ["workspaceName"],
    flattened: true,
  },
  synapseManagedEndpoint: {
    token: /^azure:synapse\/managedPrivateEndpoint:ManagedPrivateEndpoint$/,
    nameInputs: ["name"],
    flattened: true,
  },
  dataFactoryManagedEndpoint: {
    token: native("datafactory", "ManagedPrivateEndpoint"),
    armType: "Microsoft.DataFactory/factories/managedVirtualNetworks/managedPrivateEndpoints",
    nameInputs: ["factoryName", "managedVirtualNetworkName", "managedPrivateEndpointName"],
    flattened: false,
  },
  networkInterface: {
    token: native("network", "NetworkInterface"),
    armType: "Microsoft.Network/networkInterfaces",
    nameInputs: ["networkInterfaceName"],
    flattened: true,
  },
  // A workspace managed network's outbound rule as a resource of its own. `OutboundRule` is the same ARM
  // rule under `managedNetworks/default`; its rule name is the last name input either way.
  outboundRule: {
    token: /^azure-native:machinelearningservices(\/v[0-9a-z]+)?:(ManagedNetworkSettingsRule|OutboundRule)$/,
    armType: "Microsoft.MachineLearningServices/workspaces/outboundRules",
    armTypeAliases: ["Microsoft.MachineLearningServices/workspaces/managedNetworks/outboundRules"],
    nameInputs: ["workspaceName", "ruleName"],
    flattened: false,
  },
  onlineDeployment: {
    token: native("machinelearningservices", "OnlineDeployment"),
    armType: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
    nameInputs: ["workspaceName", "endpointName", "deploymentName"],
    flattened: false,
  },
  // What the network graph reads: peerings, DNS servers, resolvers, forwarding rulesets, firewalls.
  vnetPeering: {
    token: native("network", "VirtualNetworkPeering"),
    armType: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
    nameInputs: ["virtualNetworkName", "virtualNetworkPeeringName"],
    flattened: true,
  },
  // The classic provider's separate DNS servers of a VNet; azure-native has no such resource.
  vnetDnsServers: {
    token: /^azure:network\/virtualNetworkDnsServers:VirtualNetworkDnsServers$/,
    nameInputs: ["name"],
    flattened: true,
  },
  dnsResolver: {
    token: native("dnsresolver", "DnsResolver"),
    armType: "Microsoft.Network/dnsResolvers",
    nameInputs: ["dnsResolverName"],
    flattened: true,
  },
  resolverInboundEndpoint: {
    token: native("dnsresolver", "InboundEndpoint"),
    armType: "Microsoft.Network/dnsResolvers/inboundEndpoints",
    nameInputs: ["dnsResolverName", "inboundEndpointName"],
    flattened: true,
  },
  resolverOutboundEndpoint: {
    token: native("dnsresolver", "OutboundEndpoint"),
    armType: "Microsoft.Network/dnsResolvers/outboundEndpoints",
    nameInputs: ["dnsResolverName", "outboundEndpointName"],
    flattened: true,
  },
  forwardingRuleset: {
    token: native("dnsresolver", "DnsForwardingRuleset"),
    armType: "Microsoft.Network/dnsForwardingRulesets",
    nameInputs: ["dnsForwardingRulesetName"],
    flattened: true,
  },
  forwardingRule: {
    token: native("dnsresolver", "ForwardingRule"),
    armType: "Microsoft.Network/dnsForwardingRulesets/forwardingRules",
    nameInputs: ["dnsForwardingRulesetName", "forwardingRuleName"],
    flattened: true,
  },
  rulesetVnetLink: {
    token: native("dnsresolver", "PrivateResolverVirtualNetworkLink"),
    armType: "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks",
    nameInputs: ["dnsForwardingRulesetName", "virtualNetworkLinkName"],
    flattened: true,
  },
  firewall: {
    token: native("network", "AzureFirewall"),
    armType: "Microsoft.Network/azureFirewalls",
    nameInputs: ["azureFirewallName"],
    flattened: true,
  },
  firewallPolicy: {
    token: native("network", "FirewallPolicy"),
    armType: "Microsoft.Network/firewallPolicies",
    nameInputs: ["firewallPolicyName"],
    flattened: true,
  },
  // Routes on subnets: a spoke reaches another through a firewall or NVA in the hub (model/transit.ts).
  routeTable: {
    token: native("network", "RouteTable"),
    armType: "Microsoft.Network/routeTables",
    nameInputs: ["routeTableName"],
    flattened: true,
  },
  route: {
    token: native("network", "Route"),
    armType: "Microsoft.Network/routeTables/routes",
    nameInputs: ["routeTableName", "routeName"],
    flattened: true,
  },
  // A firewall policy's rule collection group: its network rules tell which traffic a route through it may carry.
  firewallRuleGroup: {
    token: native("network", "FirewallPolicyRuleCollectionGroup"),
    armType: "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
    nameInputs: ["firewallPolicyName", "ruleCollectionGroupName"],
    flattened: true,
  },
  // The classic provider's association of a route table with a subnet; azure-native sets `routeTable` on the subnet.
  routeTableAssociation: {
    token: /^azure:network\/subnetRouteTableAssociation:SubnetRouteTableAssociation$/,
    nameInputs: [],
    flattened: true,
  },
};

const allKinds = Object.keys(kindInfo) as Kind[];

const kindByArmType = new Map<string, Kind>(
  allKinds.flatMap((k) => {
    const { armType, armTypeAliases = [] } = kindInfo[k];
    return armType ? [armType, ...armTypeAliases].map((t) => [t.toLowerCase(), k] as [string, Kind]) : [];
  }),
);

/** The generic ARM resource token (any API version). */
export const genericResourceToken = native("resources", "Resource");

export function kindOfToken(token: string): Kind | undefined {
  return allKinds.find((k) => kindInfo[k].token.test(token));
}

export function kindOfArmType(armType: string): Kind | undefined {
  return kindByArmType.get(armType.toLowerCase());
}
