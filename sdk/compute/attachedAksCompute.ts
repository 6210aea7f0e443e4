import * as pulumi from "@pulumi/pulumi";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import { ArmTypes } from "../../policy/azure/armId";
import type { ArgProblem } from "../validation/argProblem";
import { armId, bool, name, region } from "../validation/argKinds";
import {
  checkedWhenResolved,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import { checkedRegion, plainRegionProblems } from "./sameRegion";

/** Arguments of {@link AttachedAksCompute}. */
export interface AttachedAksComputeArgs {
  /** Name of the workspace. */
  workspaceName: pulumi.Input<string>;
  /** Resource group of the workspace. */
  resourceGroupName: pulumi.Input<string>;
  /** Region of the workspace. */
  workspaceLocation: pulumi.Input<string>;
  /** ARM id of the AKS cluster. */
  clusterId: pulumi.Input<string>;
  /** Region of the AKS cluster: must be the workspace's. */
  clusterLocation: pulumi.Input<string>;
  /** Compute name in the workspace (2-16 characters). */
  computeName?: pulumi.Input<string>;
  /**
   * The workspace has a managed network. Refused when true: "Kubernetes and attached VMs aren't supported" with
   * a managed network ([MN] §Limitations). A plain value; default false.
   */
  managedNetwork?: boolean;
  /** Tags for the resources this component creates that take tags (Azure's limits: 50, names ≤ 512, values ≤ 256). */
  tags?: Tags;
}

/** Each argument's kind. */
export const attachedAksComputeArgSchema: ArgSchema<AttachedAksComputeArgs> = {
  workspaceName: { kind: name(NameRules.workspace), required: true },
  resourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  workspaceLocation: { kind: region, required: true },
  clusterId: { kind: armId(ArmTypes.managedCluster), required: true },
  clusterLocation: { kind: region, required: true },
  computeName: { kind: name(NameRules.aksCompute) },
  managedNetwork: {
    kind: bool,
    plain: "managedNetwork decides whether the compute is allowed; give a plain boolean",
  },
  tags: { kind: tagsKind() },
};

/** Kubernetes cannot be attached to a workspace with a managed network ([MN] §Limitations). */
function managedNetworkProblems(args: AttachedAksComputeArgs): ArgProblem[] {
  if (args.managedNetwork !== true) return [];
  return [
    {
      propertyPath: "managedNetwork",
      reason:
        'true: a workspace with a managed network cannot attach Kubernetes ("Kubernetes and attached VMs ' +
        "aren't supported\"); use a managed online endpoint or a workspace without a managed network",
    },
  ];
}

/**
 * An existing AKS cluster attached to a private workspace as a compute target. The cluster sits in its
 * own VNet, which needs an endpoint set of its own ({@link WorkspaceNetwork}); it must be in the workspace's
 * region.
 *
 * @example
 * ```ts
 * new AttachedAksCompute("aks", {
 *   workspaceName: ws.workspaceName,
 *   resourceGroupName: "rg-ml",
 *   workspaceLocation: "westeurope",
 *   clusterId: cluster.id,
 *   clusterLocation: "westeurope",
 *   computeName: "aks",
 * });
 * ```
 */
export class AttachedAksCompute extends pulumi.ComponentResource {
  /** ARM id of the compute target. */
  public readonly computeId!: pulumi.Output<string>;

  constructor(name: string, args: AttachedAksComputeArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn) {
      const problems = schemaProblems(attachedAksComputeArgSchema, args);
      throwArgProblems(
        "AttachedAksCompute",
        name,
        problems.length > 0
          ? problems
          : [
              ...managedNetworkProblems(args),
              ...plainRegionProblems("clusterLocation", args.workspaceLocation, args.clusterLocation),
            ],
      );
    }
    super("azureml-network-isolation:index:AttachedAksCompute", name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved("AttachedAksCompute", name, attachedAksComputeArgSchema, args, this);
    const location = checkedRegion("clusterLocation", args.workspaceLocation, args.clusterLocation, this);
    const compute = new ml.Compute(
      `${name}-compute`,
      {
        workspaceName: args.workspaceName,
        resourceGroupName: args.resourceGroupName,
        computeName: args.computeName,
        location,
        properties: {
          computeType: "AKS",
          resourceId: args.clusterId,
          computeLocation: location,
          disableLocalAuth: true,
        },
        ...(args.tags ? { tags: args.tags } : {}),
      },
      { parent: this },
    );
    this.computeId = compute.id;
    this.registerOutputs({ computeId: this.computeId });
  }
}
