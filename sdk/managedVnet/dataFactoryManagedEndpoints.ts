import * as pulumi from "@pulumi/pulumi";
import * as datafactory from "@pulumi/azure-native/datafactory";
import { planEndpoints } from "../endpoints/endpointPlan";
import { type WorkspaceTargetIds, targetIdOf, workspaceTargetIdsSchema } from "../endpoints/endpointSetArgs";
import { bool, name } from "../validation/argKinds";
import {
  checkedWhenResolved,
  decidesResources,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import { managedVirtualNetworkTemplate } from "./dataFactoryManagedVnetTemplate";
import { ManagedEndpointApproval } from "./managedEndpointApproval";
import { templateDeployment } from "./templateDeployment";

/** Arguments of {@link DataFactoryManagedEndpoints}. */
export interface DataFactoryManagedEndpointsArgs extends WorkspaceTargetIds {
  /** Name of the data factory. */
  factoryName: pulumi.Input<string>;
  /** Resource group of the data factory. */
  factoryResourceGroupName: pulumi.Input<string>;
  /** Name of the factory's managed VNet (default `default`, the only name Data Factory uses). */
  managedVirtualNetworkName?: pulumi.Input<string>;
  /**
   * Create the factory's managed VNet here (plain value, default false), through an ARM template deployment
   * whose one resource is the managed VNet's 2018-06-01 body, `properties: {}` (azure-native v3 has no
   * resource for it). The PUT is create-or-update, so a factory that already has one keeps it. Destroying the
   * stack deletes only the deployment's record: Data Factory cannot delete a managed VNet, which goes with its
   * factory.
   */
  createManagedVirtualNetwork?: pulumi.Input<boolean>;
  /**
   * Approve each endpoint's Pending connection on its target (plain value, default true). Needs the right to
   * approve connections on the targets and to deploy to their resource groups. When false, the target's
   * owner approves them: `az network private-endpoint-connection list --id <target id>`, then
   * `az network private-endpoint-connection approve --id <connection id>`.
   */
  approveOnTargets?: pulumi.Input<boolean>;
  /**
   * Tags for the ARM deployments that create the managed VNet and approve the connections (managed VNets and
   * managed private endpoints take none). Azure's limits: 50, names ≤ 512, values ≤ 256.
   */
  tags?: Tags;
}

/** Each argument's kind; the flags decide which resources exist, so they must be plain. */
export const dataFactoryManagedEndpointsArgSchema: ArgSchema<DataFactoryManagedEndpointsArgs> = {
  ...workspaceTargetIdsSchema,
  factoryName: { kind: name(NameRules.dataFactory), required: true },
  factoryResourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  managedVirtualNetworkName: { kind: name(NameRules.childResource) },
  createManagedVirtualNetwork: {
    kind: bool,
    plain: decidesResources("createManagedVirtualNetwork", "boolean"),
  },
  approveOnTargets: { kind: bool, plain: decidesResources("approveOnTargets", "boolean") },
  tags: { kind: tagsKind() },
};

const componentName = "DataFactoryManagedEndpoints";

/** Creates the managed VNet; its name, known once the deployment is done, so endpoints wait for it. */
function managedVnetThroughDeployment(
  name: string,
  args: DataFactoryManagedEndpointsArgs,
  vnetName: pulumi.Input<string>,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const deployment = templateDeployment(
    name,
    {
      resourceGroupName: args.factoryResourceGroupName,
      template: managedVirtualNetworkTemplate(),
      parameters: { name: pulumi.interpolate`${args.factoryName}/${vnetName}` },
      tags: args.tags,
    },
    { parent },
  );
  return pulumi.all([deployment.id, vnetName]).apply(([, vnet]) => vnet);
}

/**
 * Managed private endpoints from an Azure Data Factory managed VNet to a private workspace and its storage,
 * key vault and registry: the documented "managed VNet of another service" scenario. Creates the factory's
 * managed VNet unless told it exists, one managed private endpoint per target, and, since Azure creates each
 * one's connection Pending on its target, approves them there ({@link ManagedEndpointApproval}) unless
 * told not to.
 *
 * @example
 * ```ts
 * new DataFactoryManagedEndpoints("adf", {
 *   factoryName: "adf-ml",
 *   factoryResourceGroupName: "rg-data",
 *   workspaceId: ws.workspaceId,
 *   storageAccountId: ws.storageAccountId,
 *   keyVaultId: ws.keyVaultId,
 *   containerRegistryId: ws.containerRegistryId,
 * });
 * ```
 */
export class DataFactoryManagedEndpoints extends pulumi.ComponentResource {
  /** Managed private endpoint ids by endpoint key (`workspace-amlworkspace`, `storage-blob`, ...). */
  public readonly managedEndpointIds!: pulumi.Output<Record<string, string>>;
  /** Approved connection ids on the targets by endpoint key; empty when approveOnTargets is false. */
  public readonly approvedConnectionIds!: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DataFactoryManagedEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn)
      throwArgProblems(componentName, name, schemaProblems(dataFactoryManagedEndpointsArgSchema, args));
    super(`azureml-network-isolation:index:${componentName}`, name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved(componentName, name, dataFactoryManagedEndpointsArgSchema, args, this);

    const vnetName = args.managedVirtualNetworkName ?? "default";
    const managedVnetName = args.createManagedVirtualNetwork
      ? managedVnetThroughDeployment(`${name}-managed-vnet`, args, vnetName, this)
      : vnetName;

    const endpoints = planEndpoints({
      additionalStorageKeys: Object.keys(args.additionalStorageAccounts ?? {}),
    });
    const ids: Record<string, pulumi.Output<string>> = {};
    const approved: Record<string, pulumi.Output<string>> = {};
    for (const endpoint of endpoints) {
      const targetId = targetIdOf(args, endpoint);
      const mpe = new datafactory.ManagedPrivateEndpoint(
        `${name}-mpe-${endpoint.key}`,
        {
          factoryName: args.factoryName,
          resourceGroupName: args.factoryResourceGroupName,
          managedVirtualNetworkName: managedVnetName,
          properties: { privateLinkResourceId: targetId, groupId: endpoint.groupId },
        },
        { parent: this },
      );
      ids[endpoint.key] = mpe.id;
      if (args.approveOnTargets === false) continue;
      approved[endpoint.key] = new ManagedEndpointApproval(
        `${name}-approve-${endpoint.key}`,
        {
          targetId,
          // Through the id, so the lookup waits until the endpoint exists.
          managedEndpointName: pulumi.all([mpe.name, mpe.id]).apply(([mpeName]) => mpeName),
          description: pulumi.interpolate`Managed private endpoint ${mpe.name} of data factory ${args.factoryName}`,
          tags: args.tags,
        },
        { parent: this },
      ).connectionId;
    }
    this.managedEndpointIds = pulumi.all(ids);
    this.approvedConnectionIds = pulumi.all(approved);
    this.registerOutputs({
      managedEndpointIds: this.managedEndpointIds,
      approvedConnectionIds: this.approvedConnectionIds,
    });
  }
}
