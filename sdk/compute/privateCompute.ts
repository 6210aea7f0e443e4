import * as pulumi from "@pulumi/pulumi";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import { ArmTypes } from "../../policy/azure/armId";
import { replaceOnChangesOf, type ImmutableRole } from "../../policy/azure/immutableProperties";
import type { ArgProblem } from "../validation/argProblem";
import { armId, bool, int, name, oneOf, region } from "../validation/argKinds";
import {
  checkedWhenResolved,
  decidesResources,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import { instanceInPeeredVnetReason } from "../../policy/azure/computePlacement";
import { checkedRegion, plainRegionProblems } from "./sameRegion";

/** The kinds of compute this component creates. */
export const PrivateComputeKinds = {
  /** A compute cluster (AmlCompute), scaling from zero. */
  Cluster: "Cluster",
  /** A compute instance (one VM for one user). */
  Instance: "Instance",
} as const;
/** A value of {@link PrivateComputeKinds}; named like the object because Pulumi's schema analyzer names the enum after it. */
export type PrivateComputeKinds = (typeof PrivateComputeKinds)[keyof typeof PrivateComputeKinds];
export type PrivateComputeKind = PrivateComputeKinds;

/** Arguments of {@link PrivateCompute}. */
export interface PrivateComputeArgs {
  /** Cluster or Instance. */
  kind: pulumi.Input<PrivateComputeKind>;
  /** Name of the workspace. */
  workspaceName: pulumi.Input<string>;
  /** Resource group of the workspace. */
  resourceGroupName: pulumi.Input<string>;
  /** Region of the workspace. */
  workspaceLocation: pulumi.Input<string>;
  /** Region of the compute; defaults to the workspace's and must equal it. */
  location?: pulumi.Input<string>;
  /**
   * The subnet the nodes join: the services set's subnet (`WorkspaceNetwork.servicesSubnetId`). Required unless
   * `managedNetwork` is true, and refused then: Azure runs managed-network computes in its managed VNet only.
   */
  subnetId?: pulumi.Input<string>;
  /**
   * The workspace has a managed network (SecuredWorkspace `managedNetwork.isolationMode` not "Disabled"): the
   * compute runs in the managed VNet, without subnet and without public IP. A plain value: it decides the body.
   * Default false.
   */
  managedNetwork?: boolean;
  /** VM size, e.g. Standard_DS3_v2. */
  vmSize: pulumi.Input<string>;
  /** Cluster only: most nodes (default 4). The cluster scales to zero when idle. */
  maxNodes?: pulumi.Input<number>;
  /** Compute name in the workspace (2-24 characters for clusters, 3-24 for instances). */
  computeName?: pulumi.Input<string>;
  /**
   * Instance only: minutes of inactivity before the instance shuts down (15 to 4320, default 60). Azure Policy's
   * built-in "Compute Instance should have idle shutdown" expects it.
   */
  idleShutdownMinutes?: pulumi.Input<number>;
  /**
   * The subnet is in a spoke peered with the services VNet (the workspace endpoint's), not in it: allowed for
   * clusters (how-to-secure-training-vnet, "Scenario: VNet peering"), refused for instances, which Azure
   * creates only in the workspace endpoint's VNet. A plain value; default false.
   */
  peeredSpoke?: boolean;
  /** Tags for the resources this component creates that take tags (Azure's limits: 50, names ≤ 512, values ≤ 256). */
  tags?: Tags;
}

/** The subnet, in a customer VNet; none in a managed network, whose VNet Azure picks ([MNC]). */
function subnetOf(args: PrivateComputeArgs): { subnet?: { id: pulumi.Input<string> } } {
  return args.managedNetwork ? {} : { subnet: { id: args.subnetId! } };
}

/** The compute properties per kind: no public IP, no public SSH, no local auth; instances shut down when idle. */
const propertiesOf: Record<
  PrivateComputeKind,
  (args: PrivateComputeArgs, location: pulumi.Input<string>) => ml.ComputeArgs["properties"]
> = {
  Cluster: (args, location) => ({
    computeType: "AmlCompute",
    computeLocation: location,
    disableLocalAuth: true,
    properties: {
      vmSize: args.vmSize,
      ...subnetOf(args),
      enableNodePublicIp: false,
      remoteLoginPortPublicAccess: ml.RemoteLoginPortPublicAccess.Disabled,
      scaleSettings: { minNodeCount: 0, maxNodeCount: args.maxNodes ?? 4 },
    },
  }),
  Instance: (args, location) => ({
    computeType: "ComputeInstance",
    computeLocation: location,
    disableLocalAuth: true,
    properties: {
      vmSize: args.vmSize,
      ...subnetOf(args),
      enableNodePublicIp: false,
      sshSettings: { sshPublicAccess: ml.SshPublicAccess.Disabled },
      idleTimeBeforeShutdown: pulumi.interpolate`PT${args.idleShutdownMinutes ?? 60}M`,
    },
  }),
};

/** Each kind's row of the immutable-properties table: what Azure cannot change on it in place. */
const immutableRoleOf = { Cluster: "amlCompute", Instance: "computeInstance" } as const satisfies Record<
  PrivateComputeKind,
  ImmutableRole
>;

const computeKinds = oneOf(Object.values(PrivateComputeKinds), "a compute kind");

/** Each argument's kind. */
export const privateComputeArgSchema: ArgSchema<PrivateComputeArgs> = {
  kind: {
    kind: computeKinds,
    required: true,
    plain: "kind decides the compute's properties, so it must be a plain Cluster or Instance, not an output",
  },
  workspaceName: { kind: name(NameRules.workspace), required: true },
  resourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  workspaceLocation: { kind: region, required: true },
  location: { kind: region },
  // Required unless the workspace has a managed network (see managedNetworkPlacementProblems).
  subnetId: { kind: armId(ArmTypes.subnet) },
  managedNetwork: { kind: bool, plain: decidesResources("managedNetwork") },
  vmSize: { kind: name(NameRules.vmSize), required: true },
  maxNodes: { kind: int(1, 1000, "nodes") },
  computeName: { kind: name(NameRules.compute) },
  // Azure ML's bounds: 15 minutes to 3 days.
  idleShutdownMinutes: { kind: int(15, 4320, "minutes") },
  peeredSpoke: { kind: bool, plain: decidesResources("peeredSpoke", "boolean") },
  tags: { kind: tagsKind() },
};

/** The plain-value problems of the arguments, found before anything is registered. */
export function privateComputeProblems(args: PrivateComputeArgs): ArgProblem[] {
  const problems = schemaProblems(privateComputeArgSchema, args);
  return problems.length > 0
    ? problems
    : [
        ...managedNetworkPlacementProblems(args),
        ...spokePlacementProblems(args),
        ...plainRegionProblems("location", args.workspaceLocation, args.location ?? args.workspaceLocation),
      ];
}

/** An instance only in the workspace endpoint's VNet; a cluster also in a peered spoke. */
function spokePlacementProblems(args: PrivateComputeArgs): ArgProblem[] {
  if (args.peeredSpoke !== true || args.kind !== PrivateComputeKinds.Instance) return [];
  return [{ propertyPath: "peeredSpoke", reason: `true: ${instanceInPeeredVnetReason}` }];
}

/** A compute runs in the services subnet, or (managed network) only in the Microsoft-managed VNet. */
function managedNetworkPlacementProblems(args: PrivateComputeArgs): ArgProblem[] {
  if (args.managedNetwork === true && args.subnetId !== undefined)
    return [
      {
        propertyPath: "subnetId",
        reason:
          `${typeof args.subnetId === "string" ? JSON.stringify(args.subnetId) : "a subnet"} is given but the workspace has a ` +
          `managed network, whose computes run only in the Microsoft-managed VNet; remove subnetId`,
      },
    ];
  if (args.managedNetwork !== true && args.subnetId === undefined)
    return [
      {
        propertyPath: "subnetId",
        reason:
          "is required; give the services subnet (WorkspaceNetwork.servicesSubnetId), or set managedNetwork: true " +
          "for a workspace with a managed network",
      },
    ];
  return [];
}

/**
 * A compute cluster or compute instance of a private workspace: in the services subnet (or, with a managed
 * network, in the workspace's managed VNet), in the workspace's region, without public IPs or local (key)
 * authentication. Name the cluster `imageBuildCompute` of {@link SecuredWorkspace} to build images with it.
 *
 * @example
 * ```ts
 * new PrivateCompute("cpu-cluster", {
 *   kind: PrivateComputeKinds.Cluster,
 *   computeName: "cpu-cluster",
 *   workspaceName: ws.workspaceName,
 *   resourceGroupName: "rg-ml",
 *   workspaceLocation: "westeurope",
 *   subnetId: net.servicesSubnetId,
 *   vmSize: "Standard_DS3_v2",
 * });
 * ```
 */
export class PrivateCompute extends pulumi.ComponentResource {
  /** ARM id of the compute. */
  public readonly computeId!: pulumi.Output<string>;
  /** Name of the compute in the workspace. */
  public readonly computeName!: pulumi.Output<string>;

  constructor(name: string, args: PrivateComputeArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn) throwArgProblems("PrivateCompute", name, privateComputeProblems(args));
    super("azureml-network-isolation:index:PrivateCompute", name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved("PrivateCompute", name, privateComputeArgSchema, args, this);
    const location = checkedRegion(
      "location",
      args.workspaceLocation,
      args.location ?? args.workspaceLocation,
      this,
    );
    const compute = new ml.Compute(
      `${name}-compute`,
      {
        workspaceName: args.workspaceName,
        resourceGroupName: args.resourceGroupName,
        computeName: args.computeName,
        location,
        properties: propertiesOf[args.kind as PrivateComputeKind](args, location),
        ...(args.tags ? { tags: args.tags } : {}),
      },
      { parent: this, ...replaceOnChangesOf(immutableRoleOf[args.kind as PrivateComputeKind]) },
    );
    this.computeId = compute.id;
    this.computeName = compute.name;
    this.registerOutputs({ computeId: this.computeId, computeName: this.computeName });
  }
}
