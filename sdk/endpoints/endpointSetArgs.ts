/**
 * The arguments shared by {@link PrivateEndpointSet} and {@link WorkspaceNetwork}: the workspace and its
 * dependencies, and one set's VNet and DNS layout. Also reads the layout's plan-time values.
 */
import * as pulumi from "@pulumi/pulumi";
import { ArmTypes } from "../../policy/azure/armId";
import { allDnsModes, type DnsMode } from "../dns/dnsModes";
import { armId, bool, cidr, cloud, guid, listOf, mapOf, name, oneOf, region } from "../validation/argKinds";
import { decidesResources, throwArgProblems, type ArgSchema } from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { optionalStorageGroupIds, type EndpointTargetKind, type PlannedEndpoint } from "./endpointPlan";
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
  /** With dnsMode ExistingZones: the ARM id of each zone the endpoints write to, keyed by zone name. */
  existingZoneIds?: { [zoneName: string]: pulumi.Input<string> };
  /** Extra endpoints on the default storage account: any of queue, table, dfs (blob and file always). */
  storageGroupIds?: pulumi.Input<string>[];
  /**
   * Whether this is the services set: the VNet whose endpoints the workspace itself uses, where its
   * computes go. Exactly one per workspace when there are several sets.
   */
  servicesSet?: pulumi.Input<boolean>;
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
};

/** The layout of one set as plain values (the schema has refused Outputs where plain values are needed); unknown ids become undefined. */
export function layoutOf(
  name: string,
  args: EndpointSetLayoutArgs &
    Pick<WorkspaceTargetsArgs, "additionalStorageAccounts" | "cloud" | "managedNetwork">,
): EndpointSetLayout {
  const known = (value: pulumi.Input<string> | undefined) => (typeof value === "string" ? value : undefined);
  return {
    name,
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
