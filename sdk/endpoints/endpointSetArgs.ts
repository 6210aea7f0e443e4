/**
 * The arguments shared by {@link PrivateEndpointSet} and {@link WorkspaceNetwork}: the workspace and its
 * dependencies, and one set's VNet and DNS layout. Also reads the layout's plan-time values.
 */
import * as pulumi from "@pulumi/pulumi";
import { ArmTypes } from "../../policy/azure/armId";
import { allDnsModes, type DnsMode } from "../dns/dnsModes";
import {
  armId,
  bool,
  cidr,
  cloud,
  guid,
  ipv4Address,
  listOf,
  mapOf,
  name,
  oneOf,
  region,
} from "../validation/argKinds";
import { decidesResources, objectOf, throwArgProblems, type ArgSchema } from "../validation/argSchema";
import { platformHubSchema, withPlatformHub, type PlatformHub } from "../network/platformHub";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import { HubPeerings, SubnetOutbounds } from "../network/networkModes";
import { peeringLayouts, vnetPeeringSchema, type VnetPeeringArgs } from "../network/setPeerings";
import { programLinksOf } from "../dns/programZoneLinks";
import {
  EndpointTargetKinds,
  optionalStorageGroupIds,
  type EndpointTargetKind,
  type PlannedEndpoint,
} from "./endpointPlan";
import type { EndpointSetLayout, EndpointSetProblem } from "./validateEndpointSets";

/**
 * The workspace and its dependencies, by ARM id (from SecuredWorkspace or an existing workspace). An interface,
 * not a `Pick` of {@link WorkspaceTargetsArgs}: Pulumi's schema analyzer types a mapped type's properties as Any
 * and drops their descriptions.
 */
export interface WorkspaceTargetIds {
  /** ARM id of the Azure Machine Learning workspace. */
  workspaceId: pulumi.Input<string>;
  /** ARM id of the workspace's default storage account. */
  storageAccountId: pulumi.Input<string>;
  /** ARM id of the workspace's key vault. */
  keyVaultId: pulumi.Input<string>;
  /** ARM id of the workspace's container registry (Premium tier: endpoints need it). */
  containerRegistryId: pulumi.Input<string>;
  /**
   * Other storage accounts the workspace uses (datastores), by a stable key (the account name is a good
   * one) to ARM id. Each gets blob and file endpoints named after its key, so adding or removing one never
   * renames the others.
   */
  additionalStorageAccounts?: { [key: string]: pulumi.Input<string> };
}

/** The workspace the endpoints connect to, and where this set's VNet and endpoints go. */
export interface WorkspaceTargetsArgs extends WorkspaceTargetIds {
  /**
   * Principal id of the workspace's managed identity. When given, it gets Reader on every storage endpoint:
   * the studio reaches storage behind a VNet through that identity.
   */
  workspacePrincipalId?: pulumi.Input<string>;
  /** Region of the VNet and endpoints (an existing subnet's region). */
  location: pulumi.Input<string>;
  /** AzureCloud (default), AzureChinaCloud or AzureUSGovernment: decides the private DNS zone names. */
  cloud?: pulumi.Input<string>;
  /** Resource group of the VNet and endpoints created here. */
  resourceGroupName: pulumi.Input<string>;
  /**
   * The workspace has a managed network (SecuredWorkspace `managedNetwork`): sets are inbound only, for
   * clients, with endpoints to the workspace and its storage (blob, file; Reader for the workspace identity)
   * but none to the key vault or registry, and no services set. A plain value; default false.
   */
  managedNetwork?: boolean;
  /**
   * Tags for every resource this component creates that takes tags (VNets, endpoints, zones, links, NAT
   * gateways). Azure's limits: 50 tags, names up to 512 characters without `<>%&\?/`, values up to 256.
   * Changing tags updates the resources in place.
   */
  tags?: Tags;
}

/** One VNet's layout. The values that decide which resources exist must be plain values. */
export interface EndpointSetLayoutArgs {
  /** Address prefixes of a new VNet (plain values). Mutually exclusive with subnetId. */
  addressSpace?: pulumi.Input<string>[];
  /** Prefix of the new VNet's endpoint subnet, inside addressSpace and large enough for the endpoints. */
  endpointSubnetPrefix?: pulumi.Input<string>;
  /** ARM id of an existing subnet for the endpoints (its private-endpoint network policies disabled). */
  subnetId?: pulumi.Input<string>;
  /** OwnZones (default), ExistingZones, None (custom DNS) or AzurePolicy (landing zone): see {@link DnsModes}. */
  dnsMode?: pulumi.Input<DnsMode>;
  /**
   * With dnsMode ExistingZones: the ARM id of each zone the endpoints write to, keyed by zone name. May include
   * the registry's regional data zone (`westeurope.data.privatelink.azurecr.io`; Government
   * `usgovvirginia.privatelink.azurecr.us`) a hub links: the registry endpoint's zone group then names it too.
   */
  existingZoneIds?: { [zoneName: string]: pulumi.Input<string> };
  /** Extra endpoints on the default storage account: any of queue, table, dfs (blob and file always). */
  storageGroupIds?: pulumi.Input<string>[];
  /**
   * Whether this is the services set: the VNet whose endpoints the workspace itself uses, where its
   * computes go. Exactly one per workspace when there are several sets, unless every set says false: the
   * services VNet is then outside this program (an existing workspace's).
   */
  servicesSet?: pulumi.Input<boolean>;
  /**
   * Which endpoints the set holds, of workspace, storage, vault, registry, additionalStorage (default all).
   * Fewer when this VNet reaches the others through a hub: e.g. ["workspace"] in a spoke whose storage, key
   * vault and registry endpoints are in the hub, or [] for a spoke of computes or clients only. Refused when
   * the VNet could not resolve and reach the ones it omits. A plain list.
   */
  endpoints?: pulumi.Input<string>[];
  /**
   * ARM id of a hub VNet to peer this set's VNet with (a spoke). The peering lets traffic flow to the hub's
   * endpoints and DNS resolver; it is not transitive, so spokes do not reach each other.
   */
  hubVirtualNetworkId?: pulumi.Input<string>;
  /** The hub VNet's address prefixes (plain values), to refuse a peering Azure would refuse for overlapping ranges. */
  hubAddressSpace?: pulumi.Input<string>[];
  /** BothWays (default) or ThisSideOnly when the hub belongs to another team: see {@link HubPeerings}. */
  hubPeering?: pulumi.Input<HubPeerings>;
  /**
   * Further VNets to peer this set's VNet with, by a stable key you choose (it names the peerings
   * `<set>-to-<key>` and `<set>-from-<key>`, so adding or removing one renames nothing else): e.g. a clients
   * spoke peered with the workspace's spoke as well as the hub, or a spoke peered with the hubs of two regions.
   * Each is peered like the hub (both sides unless `peering` is ThisSideOnly; forwarded traffic allowed), and
   * peering is not transitive: a VNet reaches only those it is peered with. Refused at preview: a remote range
   * overlapping this VNet's or another peered VNet's (Azure refuses both), a peering to this VNet itself, and two
   * peerings (or one and `hubVirtualNetworkId`) to the same VNet. Keys and the fields other than
   * `remoteVirtualNetworkId` are plain values. `peerings.hub` names the same children as `hubVirtualNetworkId`,
   * so a hub moved there keeps its peerings.
   */
  peerings?: { [key: string]: VnetPeeringArgs };
  /**
   * The hub another team runs, described as the `platform-network` policy's `hubs[]` entry (a plain value): it
   * stands for `hubVirtualNetworkId`, `hubAddressSpace`, `dnsServers` (its DNS servers, for a VNet this set
   * creates, unless dnsMode is OwnZones) and `existingZoneIds` (its `privateDnsZoneIds`, with dnsMode
   * ExistingZones), and defaults `dnsMode` to ExistingZones and
   * `hubPeering` to ThisSideOnly. Loose arguments given beside it must agree with it. Checked at preview: a DNS
   * server in the hub's range it does not run, or a zone the endpoints need that the hub lacks, is refused with
   * the path in words. See {@link PlatformHub}.
   */
  platformHub?: PlatformHub;
  /**
   * DNS servers of the new VNet (IPv4), e.g. the hub's DNS Private Resolver inbound endpoint
   * (`CentralPrivateDns.inboundEndpointIp`) or a firewall with DNS proxy. Only with addressSpace: an existing
   * VNet's DNS servers belong to its owner.
   */
  dnsServers?: pulumi.Input<string>[];
  /**
   * With dnsMode ExistingZones: link this set's VNet to each of the existing zones (links in the zones' resource
   * group), for a VNet that resolves through Azure DNS rather than a resolver. Plain; default false.
   */
  linkExistingZones?: pulumi.Input<boolean>;
  /**
   * How the new subnet reaches the internet: None, NatGateway, Firewall or Default (see {@link SubnetOutbounds}).
   * Default: None (a private subnet) for a set whose subnet holds only endpoints; Default for the services set,
   * whose subnet also holds computes, to keep what existing stacks deployed. A plain value.
   */
  subnetOutbound?: pulumi.Input<SubnetOutbounds>;
  /** With subnetOutbound Firewall: the firewall's private IP, the next hop of the subnet's default route. */
  firewallPrivateIp?: pulumi.Input<string>;
  /**
   * Azure names for this set's resources, from this prefix: `<prefix>-vnet`, `<prefix>-endpoints`,
   * `<prefix>-pe-<key>` and their NICs `<prefix>-pe-<key>-nic`. Without it the names are Pulumi's (the logical
   * name plus a random suffix, or `pulumi:autonaming`'s pattern) and the NICs Azure's. Setting or changing it
   * replaces those resources. A plain value.
   */
  azureNamePrefix?: pulumi.Input<string>;
}

/** Each target id's kind. */
export const workspaceTargetIdsSchema: ArgSchema<WorkspaceTargetIds> = {
  workspaceId: { kind: armId(ArmTypes.workspace), required: true },
  storageAccountId: { kind: armId(ArmTypes.storageAccount), required: true },
  keyVaultId: { kind: armId(ArmTypes.keyVault), required: true },
  containerRegistryId: { kind: armId(ArmTypes.containerRegistry), required: true },
  additionalStorageAccounts: { kind: mapOf(armId(ArmTypes.storageAccount), { key: NameRules.key }) },
};

/** Each argument's kind: the target ids, and where the set's resources go. */
export const workspaceTargetsSchema: ArgSchema<WorkspaceTargetsArgs> = {
  ...workspaceTargetIdsSchema,
  workspacePrincipalId: { kind: guid("the object id of the workspace's managed identity") },
  location: { kind: region, required: true },
  cloud: { kind: cloud },
  resourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  managedNetwork: { kind: bool, plain: decidesResources("managedNetwork") },
  tags: { kind: tagsKind() },
};

const groupIds = listOf(
  oneOf(optionalStorageGroupIds, "an optional storage sub-resource (blob and file are always created)"),
);

/** Each layout argument's kind; those that decide which resources exist must be plain. */
export const endpointSetLayoutSchema: ArgSchema<EndpointSetLayoutArgs> = {
  addressSpace: { kind: listOf(cidr, 1), plain: decidesResources("addressSpace") },
  endpointSubnetPrefix: { kind: cidr, plain: decidesResources("endpointSubnetPrefix") },
  subnetId: { kind: armId(ArmTypes.subnet) },
  dnsMode: { kind: oneOf(allDnsModes, "a DNS mode"), plain: decidesResources("dnsMode") },
  existingZoneIds: { kind: mapOf(armId(ArmTypes.privateDnsZone), { key: NameRules.zoneName }) },
  storageGroupIds: { kind: groupIds, plain: decidesResources("storageGroupIds") },
  servicesSet: { kind: bool, plain: decidesResources("servicesSet") },
  endpoints: {
    kind: listOf(oneOf(Object.values(EndpointTargetKinds), "an endpoint target")),
    plain: decidesResources("endpoints"),
  },
  hubVirtualNetworkId: { kind: armId(ArmTypes.virtualNetwork) },
  hubAddressSpace: {
    kind: listOf(cidr, 1),
    plain:
      "hubAddressSpace is checked against addressSpace before anything is registered, so it must be plain values",
  },
  hubPeering: {
    kind: oneOf(Object.values(HubPeerings), "a hub peering"),
    plain: decidesResources("hubPeering"),
  },
  peerings: {
    kind: mapOf(
      objectOf(vnetPeeringSchema, "a peering: { remoteVirtualNetworkId, remoteAddressSpace?, peering? }"),
      { key: NameRules.key },
    ),
    plainEntries:
      "peerings' keys decide which peerings exist, so it must be an object of plain entries, not an output",
  },
  platformHub: {
    kind: objectOf(
      platformHubSchema,
      "a platform hub: { name, virtualNetworkId, addressSpace, dnsServers, firewalls, privateDnsZoneIds }",
    ),
    plain: "platformHub decides the set's peering, DNS servers and zones, so it must be plain values",
  },
  dnsServers: { kind: listOf(ipv4Address, 1) },
  linkExistingZones: { kind: bool, plain: decidesResources("linkExistingZones") },
  subnetOutbound: {
    kind: oneOf(Object.values(SubnetOutbounds), "a subnet outbound design"),
    plain: decidesResources("subnetOutbound"),
  },
  firewallPrivateIp: { kind: ipv4Address },
  azureNamePrefix: {
    kind: name(NameRules.networkResource),
    plain: "azureNamePrefix names resources checked before registration, so it must be a plain value",
  },
};

/** The layout of one set as plain values (the schema has refused Outputs where plain values are needed); unknown ids become undefined. */
export function layoutOf(
  name: string,
  args: EndpointSetLayoutArgs &
    Pick<WorkspaceTargetsArgs, "additionalStorageAccounts" | "cloud" | "managedNetwork">,
): EndpointSetLayout {
  const known = (value: pulumi.Input<string> | undefined) => (typeof value === "string" ? value : undefined);
  const given = args;
  args = withPlatformHub(args);
  return {
    name,
    platformHub: given.platformHub,
    fromPlatform: {
      hubVirtualNetworkId: given.hubVirtualNetworkId === undefined,
      hubAddressSpace: given.hubAddressSpace === undefined,
      dnsServers: given.dnsServers === undefined,
      existingZoneIds: given.existingZoneIds === undefined,
    },
    addressSpace: args.addressSpace as string[] | undefined,
    endpointSubnetPrefix: args.endpointSubnetPrefix as string | undefined,
    usesExistingSubnet: args.subnetId !== undefined,
    subnetId: known(args.subnetId),
    dnsMode: args.dnsMode as string | undefined,
    existingZoneIds: args.existingZoneIds
      ? Object.fromEntries(Object.entries(args.existingZoneIds).map(([zone, id]) => [zone, known(id)]))
      : undefined,
    storageGroupIds: args.storageGroupIds as string[] | undefined,
    additionalStorageKeys: Object.keys(args.additionalStorageAccounts ?? {}),
    servicesSet: args.servicesSet as boolean | undefined,
    cloud: known(args.cloud),
    managedNetwork: args.managedNetwork,
    endpoints: args.endpoints as string[] | undefined,
    hubVirtualNetworkId:
      args.hubVirtualNetworkId === undefined ? undefined : (known(args.hubVirtualNetworkId) ?? ""),
    hubAddressSpace: args.hubAddressSpace as string[] | undefined,
    hubPeering: args.hubPeering as string | undefined,
    peerings: peeringLayouts(args.peerings),
    dnsServers: args.dnsServers?.map((server) => known(server) ?? ""),
    linkExistingZones: args.linkExistingZones as boolean | undefined,
    programLinks: programLinksOf(args.existingZoneIds, args.subnetId),
    subnetOutbound: args.subnetOutbound as string | undefined,
    firewallPrivateIp:
      args.firewallPrivateIp === undefined ? undefined : (known(args.firewallPrivateIp) ?? ""),
    azureNamePrefix: args.azureNamePrefix as string | undefined,
  };
}

/**
 * Throws the problems as one structured error headed by the component and its name, like every other argument
 * error; `prefix` locates the set among the caller's args.
 */
export function throwProblems(
  component: string,
  name: string,
  problems: readonly EndpointSetProblem[],
  prefix: (set: string) => string,
): void {
  throwArgProblems(
    component,
    name,
    problems.map((p) => ({
      propertyPath: `${prefix(p.set)}${p.property}`,
      reason: `${p.value}: ${p.reason}`,
    })),
  );
}

/** The resource each kind of endpoint connects to. */
const targetOf: Record<
  EndpointTargetKind,
  (ids: WorkspaceTargetIds, e: PlannedEndpoint) => pulumi.Input<string>
> = {
  workspace: (ids) => ids.workspaceId,
  storage: (ids) => ids.storageAccountId,
  vault: (ids) => ids.keyVaultId,
  registry: (ids) => ids.containerRegistryId,
  additionalStorage: (ids, e) => ids.additionalStorageAccounts![e.targetKey!],
};

/** The id of the resource a planned endpoint connects to. */
export function targetIdOf(ids: WorkspaceTargetIds, endpoint: PlannedEndpoint): pulumi.Input<string> {
  return targetOf[endpoint.kind](ids, endpoint);
}
