/**
 * A compute cluster or compute instance of a private workspace: in the services subnet, in the workspace's
 * region, without public IPs or local (key) authentication.
 */
import * as pulumi from "@pulumi/pulumi";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import { argProblemsError, type ArgProblem } from "../validation/argProblem";
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

/** The plain-value problems of the arguments, found before anything is registered. */
export function privateComputeProblems(args: PrivateComputeArgs): ArgProblem[] {
  const problems: ArgProblem[] = [];
  const { kind, idleShutdownMinutes: idle } = args;
  if (typeof kind !== "string" || !(kind in propertiesOf)) {
    problems.push({
      propertyPath: "kind",
      reason: `${String(kind)} is not a plain ${Object.keys(propertiesOf).join(" or ")}`,
    });
  }
  if (typeof idle === "number" && !(Number.isInteger(idle) && idle >= 15 && idle <= 4320)) {
    problems.push({
      propertyPath: "idleShutdownMinutes",
      reason: `${idle}: Azure ML takes a whole number of minutes from 15 to 4320 (3 days)`,
    });
  }
  if (args.managedNetwork === true && args.subnetId !== undefined) {
    problems.push({
      propertyPath: "subnetId",
      reason:
        `${typeof args.subnetId === "string" ? JSON.stringify(args.subnetId) : "a subnet"} is given but the workspace has a ` +
        `managed network, whose computes run only in the Microsoft-managed VNet; remove subnetId`,
    });
  }
  if (args.managedNetwork !== true && args.subnetId === undefined) {
    problems.push({
      propertyPath: "subnetId",
      reason:
        "null is missing; give the services subnet (WorkspaceNetwork.servicesSubnetId), or set managedNetwork: true " +
        "for a workspace with a managed network",
    });
  }
  return [
    ...problems,
    ...plainRegionProblems("location", args.workspaceLocation, args.location ?? args.workspaceLocation),
  ];
}

export class PrivateCompute extends pulumi.ComponentResource {
  /** ARM id of the compute. */
  public readonly computeId!: pulumi.Output<string>;
  /** Name of the compute in the workspace. */
  public readonly computeName!: pulumi.Output<string>;

  constructor(name: string, args: PrivateComputeArgs, opts?: pulumi.ComponentResourceOptions) {
    const problems = opts?.urn ? [] : privateComputeProblems(args);
    if (problems.length > 0) throw argProblemsError("PrivateCompute", name, problems);
    super("azureml-network-isolation:index:PrivateCompute", name, {}, opts);
    if (opts?.urn) return;
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
      },
      { parent: this },
    );
    this.computeId = compute.id;
    this.computeName = compute.name;
    this.registerOutputs({ computeId: this.computeId, computeName: this.computeName });
  }
}
