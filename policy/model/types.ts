/**
 * The model of a stack the rules read. Resources are referred to by key: the URN of an in-stack resource
 * (an inline subnet: its VNet's URN plus `/subnets/<name>`), or an `arm:` key for one outside the stack.
 * A reference is `unknown` when it cannot be told at preview, and undefined when absent.
 */
import type { Kind } from "./kinds";
import type { Maybe } from "./values";

export type Key = string;

/** What every modelled resource has: its key, the URN violations are reported on, and a label for messages. */
export interface Entity {
  key: Key;
  urn: string;
  label: string;
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
  storageAccount: Maybe<Key>;
  keyVault: Maybe<Key>;
  containerRegistry: Maybe<Key>;
}

/** A storage account, key vault or container registry in the stack. */
export interface DependencyService extends Entity {
  kind: Kind;
  publicNetworkAccess: Maybe<string>;
  skuName: Maybe<string>;
}

export interface EndpointConnection {
  target: Maybe<Key>;
  targetKind: Kind | undefined;
  groupIds: Maybe<string[]>;
}

export interface PrivateEndpoint extends Entity {
  location: Maybe<string>;
  /** A subnet key, or the VNet's when the subnet came from the VNet's inline subnets at preview. */
  subnet: Maybe<Key>;
  vnet: Maybe<Key>;
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
}

export interface VirtualNetwork extends Entity {
  location: Maybe<string>;
  addressPrefixes: Maybe<string[]>;
}

export interface Subnet extends Entity {
  vnet: Maybe<Key>;
  addressPrefixes: Maybe<string[]>;
  privateEndpointNetworkPolicies: Maybe<string>;
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

/** A resource of a governed family the model cannot read (unknown token, provider or generic type). */
export interface UnreadResource {
  urn: string;
  name: string;
  type: string;
  family: string;
}

export interface StackModel {
  workspaces: Workspace[];
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
  unread: UnreadResource[];

  workspacesByKey: Map<Key, Workspace>;
  datastoresByWorkspace: Map<Key, Datastore[]>;
  /** Endpoints per target key (any group id). */
  endpointsByTarget: Map<Key, PrivateEndpoint[]>;
  zoneGroupsByEndpoint: Map<Key, ZoneGroup[]>;
  /** VNet keys each zone is linked to. */
  linkedVnetsByZone: Map<Key, Set<Key>>;
  /** A readable name for any key, in stack or not. */
  label(key: Key): string;
}
