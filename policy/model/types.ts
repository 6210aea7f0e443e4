/**
 * The model of a stack the rules read. Resources are referred to by key: the URN of an in-stack resource
 * (an inline subnet: its VNet's URN plus `/subnets/<name>`), or an `arm:` key for one outside the stack.
 * A reference is `unknown` when it cannot be told at preview, and undefined when absent.
 */
import type { ComponentOrigin } from "./componentOrigin";
import type { Kind } from "./kinds";
import type { NetworkGraph } from "./networkGraph";
import type { PlatformHub } from "./platformNetwork";
import type { Maybe } from "./values";

export type Key = string;

/** What every modelled resource has: its key, the URN violations are reported on, and a label for messages. */
export interface Entity {
  key: Key;
  urn: string;
  label: string;
  /** The Pulumi type token it was declared with, so messages name that provider's inputs. */
  token?: string;
}

export interface Workspace extends Entity {
  location: Maybe<string>;
  publicNetworkAccess: Maybe<string>;
  allowPublicAccessWhenBehindVnet: Maybe<boolean>;
  /** Selected IPs from `networkAcls.ipRules[].value` or the older `ipAllowlist`. */
  ipRules: Maybe<string[]>;
  /** Which input holds them, for messages. */
  ipRulesInput: "networkAcls" | "ipAllowlist" | undefined;
  /** `networkAcls.defaultAction`; selected IPs apply only when it is Deny. */
  ipDefaultAction: Maybe<string>;
  imageBuildCompute: Maybe<string>;
  /** `managedNetwork.isolationMode` as declared (Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound). */
  managedNetworkMode: Maybe<string>;
  /** `managedNetwork.outboundRules` declared inline, one per map entry; unknown when the map is. */
  inlineOutboundRules: Maybe<OutboundRule[]>;
  /** `managedNetwork.firewallSku` (Standard, Basic), the Azure Firewall FQDN rules run on. */
  managedNetworkFirewallSku: Maybe<string>;
  /** `managedNetwork.status.status` (Inactive, Active) as declared. */
  managedNetworkStatus: Maybe<string>;
  /** `kind`: Default, Hub, Project or FeatureStore; a project inherits its hub's network settings. */
  workspaceKind: Maybe<string>;
  /** A project's hub (`hubResourceId`), whose endpoints, managed network and dependencies it uses. */
  hub: Maybe<Key>;
  storageAccount: Maybe<Key>;
  keyVault: Maybe<Key>;
  containerRegistry: Maybe<Key>;
}

/** A storage account, key vault or container registry in the stack. */
export interface DependencyService extends Entity {
  kind: Kind;
  /** Its region: a registry's data endpoint is named after it. */
  location: Maybe<string>;
  publicNetworkAccess: Maybe<string>;
  skuName: Maybe<string>;
  /** The firewall's default action: `networkAcls` (storage, key vault) or `networkRuleSet` (registry). */
  networkDefaultAction: Maybe<string>;
  /** How many IP rules the firewall holds. */
  ipRuleCount: Maybe<number>;
  /** Storage and key vault: `networkAcls.bypass` as declared (e.g. "AzureServices, Logging"). */
  bypass: Maybe<string>;
  /** Storage: the subnets its firewall's virtual network rules admit (`virtualNetworkRules`). */
  vnetRuleSubnets: Maybe<Key>[];
  /** Storage: anonymous blob access. */
  allowBlobPublicAccess: Maybe<boolean>;
  /** Key vault: `createMode` (a vault being recovered keeps its old settings). */
  createMode: Maybe<string>;
}

export interface EndpointConnection {
  target: Maybe<Key>;
  targetKind: Kind | undefined;
  groupIds: Maybe<string[]>;
  /** Declared in `manualPrivateLinkServiceConnections`: pending until the target's owner approves it. */
  manual?: boolean;
  /**
   * `privateLinkServiceConnectionState.status` as Azure reports it after an update (Approved, Pending,
   * Rejected, Disconnected); undefined at preview, where it is only what the program asks for.
   */
  status?: Maybe<string>;
}

export interface PrivateEndpoint extends Entity {
  location: Maybe<string>;
  /** A subnet key, or the VNet's when the subnet came from the VNet's inline subnets at preview. */
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
  /** Its private IPs (`customDnsConfigs`, an output); absent when not read. */
  ips?: Maybe<string[]>;
  connections: EndpointConnection[];
}

export interface ZoneRef {
  key: Key;
  zoneName: Maybe<string>;
}

export interface ZoneGroup extends Entity {
  endpoint: Maybe<Key>;
  zones: ZoneRef[];
  /** False when some zone config could not be resolved (unknown at preview). */
  complete: boolean;
}

export interface PrivateZone extends Entity {
  zoneName: Maybe<string>;
}

export interface VnetLink extends Entity {
  zone: Maybe<Key>;
  vnet: Maybe<Key>;
  /** `resolutionPolicy`: Default, or NxDomainRedirect (a name the zone lacks falls back to public DNS). */
  resolutionPolicy?: Maybe<string>;
}

export interface VirtualNetwork extends Entity {
  location: Maybe<string>;
  addressPrefixes: Maybe<string[]>;
  /** `dhcpOptions.dnsServers` (classic: `dnsServers`, or a VirtualNetworkDnsServers resource). */
  dnsServers: Maybe<string[]>;
  /** At preview, the URNs an unknown DNS server list was computed from. */
  dnsServerSources: readonly Key[];
}

/** One side of a peering: a resource of its own, or an entry of the VNet's inline `virtualNetworkPeerings`. */
export interface VnetPeering extends Entity {
  vnet: Maybe<Key>;
  remoteVnet: Maybe<Key>;
  /** `remoteAddressSpace.addressPrefixes`: the remote VNet's address space as the peering states it. */
  remoteAddressPrefixes?: Maybe<string[]>;
  allowVirtualNetworkAccess: Maybe<boolean>;
  /** Whether this side's VNet receives traffic forwarded from the remote VNet (off by default). */
  allowForwardedTraffic: Maybe<boolean>;
  peeringState: Maybe<string>;
}

/** The classic provider's VirtualNetworkDnsServers: DNS servers set on a VNet from outside it. */
export interface VnetDnsServers extends Entity {
  vnet: Maybe<Key>;
  dnsServers: Maybe<string[]>;
  dnsServerSources: readonly Key[];
}

/** A DNS private resolver, its inbound or outbound endpoint, an Azure Firewall, or a NIC: where a DNS query can go. */
export interface DnsResolver extends Entity {
  vnet: Maybe<Key>;
}

export interface ResolverEndpoint extends Entity {
  direction: "inbound" | "outbound";
  resolver: Maybe<Key>;
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
  /** Inbound: the private IP of each IP configuration (an output when dynamic). */
  ips: Maybe<string>[];
}

export interface ForwardingRuleset extends Entity {
  /** Its region: it links only VNets of that region. */
  location: Maybe<string>;
  outboundEndpoints: Maybe<Key>[];
}

export interface ForwardingRule extends Entity {
  ruleset: Maybe<Key>;
  domainName: Maybe<string>;
  targets: Maybe<string[]>;
  /** `forwardingRuleState`; Enabled by default. */
  enabled: Maybe<boolean>;
}

export interface RulesetVnetLink extends Entity {
  ruleset: Maybe<Key>;
  vnet: Maybe<Key>;
}

export interface Firewall extends Entity {
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
  /** The private IP of each IP configuration (outputs). */
  ips: Maybe<string>[];
  policy: Maybe<Key>;
  /** The firewall's own DNS settings (no policy). */
  dnsProxy: Maybe<boolean>;
  dnsServers: Maybe<string[]>;
}

export interface FirewallPolicy extends Entity {
  /** Its own DNS settings: undefined where it sets none (then its parent's apply). */
  enableProxy: Maybe<boolean>;
  dnsServers: Maybe<string[]>;
  /** The parent policy (`basePolicy`), whose DNS settings it inherits. */
  basePolicy: Maybe<Key>;
}

export interface Subnet extends Entity {
  vnet: Maybe<Key>;
  addressPrefixes: Maybe<string[]>;
  privateEndpointNetworkPolicies: Maybe<string>;
  /** False makes the subnet private (no default outbound internet access); Azure defaults it to true. */
  defaultOutboundAccess: Maybe<boolean>;
  /** The services of its `serviceEndpoints` (e.g. Microsoft.Storage). */
  serviceEndpoints: Maybe<string[]>;
  /** The route table associated with the subnet (`routeTable.id`). */
  routeTable: Maybe<Key>;
}

/** A user-defined route: inline in a route table's `routes`, or a resource of its own. */
export interface Route extends Entity {
  table: Maybe<Key>;
  addressPrefix: Maybe<string>;
  /** VirtualAppliance, VnetLocal, Internet, VirtualNetworkGateway or None. */
  nextHopType: Maybe<string>;
  nextHopIpAddress: Maybe<string>;
  /** At preview, the URNs an unknown next hop IP was computed from (the firewall or NIC holding it). */
  nextHopSources: readonly Key[];
}

/** A network rule allowing traffic, in a firewall policy's rule collection group. */
export interface FirewallNetworkRule extends Entity {
  policy: Maybe<Key>;
  /** Addresses or CIDRs (`*` for any); unknown at preview when computed. */
  sources: Maybe<string[]>;
  destinations: Maybe<string[]>;
}

/** A route table on a subnet: the subnet's `routeTable`, a classic association, or a table's read-back `subnets`. */
export interface RouteTableAssociation {
  subnet: Maybe<Key>;
  table: Maybe<Key>;
}

export interface NetworkInterface extends Entity {
  /** Some IP configuration names a public IP address. */
  hasPublicIp: Maybe<boolean>;
  /** The first IP configuration's subnet and VNet, and every configuration's private IP. */
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
  ips: Maybe<string>[];
}

export interface Compute extends Entity {
  workspace: Maybe<Key>;
  computeType: Maybe<string>;
  location: Maybe<string>;
  /** Subnet (cluster, instance) and its VNet; for attached AKS, the cluster's. */
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
  /** The AKS cluster an AKS compute attaches. */
  cluster: Maybe<Key>;
  disableLocalAuth: Maybe<boolean>;
  enableNodePublicIp: Maybe<boolean>;
  idleTimeBeforeShutdown: Maybe<string>;
}

export interface ManagedCluster extends Entity {
  location: Maybe<string>;
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
}

export interface OnlineEndpoint extends Entity {
  workspace: Maybe<Key>;
  /** As declared; Azure defaults an omitted value to Enabled. */
  publicNetworkAccess: Maybe<string>;
}

export interface BatchEndpoint extends Entity {
  workspace: Maybe<Key>;
}

/** A workspace datastore naming a storage account by `accountName`. */
export interface Datastore extends Entity {
  workspace: Maybe<Key>;
  datastoreType: Maybe<string>;
  storageAccount: Maybe<Key>;
}

export interface SynapseWorkspace extends Entity {
  preventDataExfiltration: Maybe<boolean>;
}

/** A managed private endpoint of Synapse or Data Factory (in the service's managed VNet). */
export interface ManagedEndpoint extends Entity {
  service: "synapse" | "dataFactory";
  host: Maybe<Key>;
  target: Maybe<Key>;
  targetKind: Kind | undefined;
  groupId: Maybe<string>;
}

/** Where a private endpoint outbound rule leads: `destination` of a `PrivateEndpoint` rule. */
export interface PrivateEndpointDestination {
  /** `serviceResourceId`, resolved like any ARM id reference. */
  target: Maybe<Key>;
  subresourceTarget: Maybe<string>;
  sparkEnabled: Maybe<boolean>;
}

/** `destination` of a `ServiceTag` rule; Azure ignores the tag when address prefixes are given. */
export interface ServiceTagDestination {
  serviceTag: Maybe<string>;
  protocol: Maybe<string>;
  /** As written, e.g. "80, 8080-8089". */
  portRanges: Maybe<string>;
  action: Maybe<string>;
  addressPrefixes: Maybe<string[]>;
}

/**
 * An outbound rule of a workspace managed network, declared inline in the workspace's
 * `managedNetwork.outboundRules` (reported on the workspace) or as a resource of its own.
 */
export interface OutboundRule extends Entity {
  workspace: Maybe<Key>;
  declared: "inline" | "resource";
  /** The map key, or the resource's `ruleName`. */
  name: Maybe<string>;
  /** FQDN, PrivateEndpoint or ServiceTag. */
  type: Maybe<string>;
  /** Required, Recommended, UserDefined or Dependency. */
  category: Maybe<string>;
  /** The destination of an FQDN rule (a host name). */
  fqdn: Maybe<string>;
  /** Set for a PrivateEndpoint rule (and when the type is unknown). */
  privateEndpoint: PrivateEndpointDestination | undefined;
  /** Set for a ServiceTag rule (and when the type is unknown). */
  serviceTag: ServiceTagDestination | undefined;
}

/** A deployment of a managed online endpoint. */
export interface OnlineDeployment extends Entity {
  workspace: Maybe<Key>;
  /** The legacy per-deployment egress flag (Enabled, Disabled) as declared. */
  egressPublicNetworkAccess: Maybe<string>;
}

/** A resource of a governed family the model cannot read (unknown token, provider or generic type). */
export interface UnreadResource {
  urn: string;
  name: string;
  type: string;
  family: string;
}

export interface StackModel {
  /** Workspaces with network settings of their own (every kind but Project). */
  workspaces: Workspace[];
  /** Hub-based projects (`kind: Project`); `workspacesByKey` resolves each to its hub when in the stack. */
  projects: Workspace[];
  services: Map<Key, DependencyService>;
  endpoints: PrivateEndpoint[];
  zoneGroups: ZoneGroup[];
  zones: Map<Key, PrivateZone>;
  links: VnetLink[];
  vnets: Map<Key, VirtualNetwork>;
  subnets: Map<Key, Subnet>;
  computes: Compute[];
  clusters: Map<Key, ManagedCluster>;
  onlineEndpoints: OnlineEndpoint[];
  batchEndpoints: BatchEndpoint[];
  datastores: Datastore[];
  synapseWorkspaces: Map<Key, SynapseWorkspace>;
  managedEndpoints: ManagedEndpoint[];
  networkInterfaces: NetworkInterface[];
  /** Every outbound rule, inline or a resource of its own (inline ones only when their map is known). */
  outboundRules: OutboundRule[];
  onlineDeployments: OnlineDeployment[];
  peerings: VnetPeering[];
  vnetDnsServers: VnetDnsServers[];
  dnsResolvers: Map<Key, DnsResolver>;
  resolverEndpoints: Map<Key, ResolverEndpoint>;
  forwardingRulesets: Map<Key, ForwardingRuleset>;
  forwardingRules: ForwardingRule[];
  rulesetVnetLinks: RulesetVnetLink[];
  firewalls: Firewall[];
  firewallPolicies: Map<Key, FirewallPolicy>;
  /** Every route, inline or a resource of its own, and the route tables' subnets. */
  routes: Route[];
  routeTableAssociations: RouteTableAssociation[];
  /** The network rules that allow traffic, of every firewall policy's rule collection groups. */
  firewallNetworkRules: FirewallNetworkRule[];
  unread: UnreadResource[];

  /** The workspace whose network settings a key's resources use: itself, or a project's hub. */
  workspacesByKey: Map<Key, Workspace>;
  datastoresByWorkspace: Map<Key, Datastore[]>;
  outboundRulesByWorkspace: Map<Key, OutboundRule[]>;
  /** Endpoints per target key (any group id). */
  endpointsByTarget: Map<Key, PrivateEndpoint[]>;
  zoneGroupsByEndpoint: Map<Key, ZoneGroup[]>;
  /** VNet keys each zone is linked to. */
  linkedVnetsByZone: Map<Key, Set<Key>>;
  /** The component argument behind each VNet an endpoint set created (componentOrigin.ts). */
  vnetOrigins: ReadonlyMap<Key, ComponentOrigin>;
  /** The texts of the stack's secret values, which every output masks (secrets.ts). */
  secrets: ReadonlySet<string>;
  /** A readable name for any key, in stack or not. */
  label(key: Key): string;
  /** Name resolution and reachability over the stack's VNets, built once with the model. */
  network: NetworkGraph;
  /**
   * The hubs the platform describes (`platform-network`), usable entries only, each with its VNet's key (the
   * stack's own when the stack holds that VNet); empty without a description.
   */
  platformHubs: readonly { hub: PlatformHub; key: Key }[];
}
