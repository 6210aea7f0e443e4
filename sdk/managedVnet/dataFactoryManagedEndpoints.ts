/**
 * Managed private endpoints from an Azure Data Factory managed VNet to a private workspace and its storage,
 * key vault and registry: the documented "managed VNet of another service" scenario. Azure creates each
 * one's connection Pending on its target; this component approves them there (see
 * {@link ManagedEndpointApproval}) unless told not to.
 */
import * as pulumi from "@pulumi/pulumi";
import * as datafactory from "@pulumi/azure-native/datafactory";
import * as resources from "@pulumi/azure-native/resources";
import { ArmTypes } from "../../policy/azure/armId";
import { EndpointTargetKinds, type EndpointTargetKind, planEndpoints } from "../endpoints/endpointPlan";
import { type WorkspaceTargetIds, targetIdOf } from "../endpoints/endpointSetArgs";
import { argProblemsError, shown, type ArgProblem } from "../validation/argProblem";
import { armIdProblems } from "../validation/armIds";
import { isDeferred } from "../validation/plainValues";
import { ManagedEndpointApproval } from "./managedEndpointApproval";

/** Arguments of {@link DataFactoryManagedEndpoints}. */
export interface DataFactoryManagedEndpointsArgs extends WorkspaceTargetIds {
  /** Name of the data factory. */
  factoryName: pulumi.Input<string>;
  /** Resource group of the data factory. */
  factoryResourceGroupName: pulumi.Input<string>;
  /** Name of the factory's managed VNet (default `default`, the only name Data Factory uses). */
  managedVirtualNetworkName?: pulumi.Input<string>;
  /**
   * Create the factory's managed VNet here (plain value, default false). azure-native v3 has no resource for
   * it, so it is a generic `Microsoft.DataFactory/factories/managedVirtualNetworks` resource (API 2018-06-01).
   * Leave false when the factory already has one: creating an existing one fails.
   */
  createManagedVirtualNetwork?: pulumi.Input<boolean>;
  /**
   * Approve each endpoint's Pending connection on its target (plain value, default true). Needs the right to
   * approve connections on the targets and to deploy to their resource groups. When false, the target's
   * owner approves them: `az network private-endpoint-connection list --id <target id>`, then
   * `az network private-endpoint-connection approve --id <connection id>`.
   */
  approveOnTargets?: pulumi.Input<boolean>;
}

/** The ARM type each kind of target must have. */
const targetTypes: Record<EndpointTargetKind, string> = {
  [EndpointTargetKinds.workspace]: ArmTypes.workspace,
  [EndpointTargetKinds.storage]: ArmTypes.storageAccount,
  [EndpointTargetKinds.vault]: ArmTypes.keyVault,
  [EndpointTargetKinds.registry]: ArmTypes.containerRegistry,
  [EndpointTargetKinds.additionalStorage]: ArmTypes.storageAccount,
};

const targetProperties: Record<EndpointTargetKind, (targetKey?: string) => string> = {
  workspace: () => "workspaceId",
  storage: () => "storageAccountId",
  vault: () => "keyVaultId",
  registry: () => "containerRegistryId",
  additionalStorage: (key) => `additionalStorageAccounts.${key}`,
};

const plainFlags = ["createManagedVirtualNetwork", "approveOnTargets"] as const;

/** Problems of the arguments known at construction: flags that decide resources, and target ids. Pure. */
export function dataFactoryManagedEndpointsProblems(args: DataFactoryManagedEndpointsArgs): ArgProblem[] {
  const flagProblems = plainFlags
    .filter((flag) => isDeferred(args[flag]))
    .map((flag) => ({
      propertyPath: flag,
      reason: `${flag} decides which resources exist, so it must be a plain boolean, not an output`,
    }));
  const endpoints = planEndpoints({
    additionalStorageKeys: Object.keys(args.additionalStorageAccounts ?? {}),
  });
  const idProblems = endpoints.flatMap((e) => {
    const id = targetIdOf(args, e);
    if (isDeferred(id)) return [];
    const property = targetProperties[e.kind](e.targetKey);
    return typeof id === "string"
      ? armIdProblems(property, id, targetTypes[e.kind])
      : [{ propertyPath: property, reason: `${shown(id)} is not an ARM id; give the target's id` }];
  });
  // blob and file share one target: report each bad id once.
  const seen = new Set<string>();
  return [...flagProblems, ...idProblems].filter(
    (p) => !seen.has(p.propertyPath) && seen.add(p.propertyPath),
  );
}

export class DataFactoryManagedEndpoints extends pulumi.ComponentResource {
  /** Managed private endpoint ids by endpoint key (`workspace-amlworkspace`, `storage-blob`, ...). */
  public readonly managedEndpointIds!: pulumi.Output<Record<string, string>>;
  /** Approved connection ids on the targets by endpoint key; empty when approveOnTargets is false. */
  public readonly approvedConnectionIds!: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DataFactoryManagedEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azureml-network-isolation:index:DataFactoryManagedEndpoints", name, {}, opts);
    if (opts?.urn) return;
    const problems = dataFactoryManagedEndpointsProblems(args);
    if (problems.length > 0) throw argProblemsError("DataFactoryManagedEndpoints", name, problems);

    const vnetName = args.managedVirtualNetworkName ?? "default";
    const managedVnetName = args.createManagedVirtualNetwork
      ? new resources.Resource(
          `${name}-managed-vnet`,
          {
            resourceGroupName: args.factoryResourceGroupName,
            resourceProviderNamespace: "Microsoft.DataFactory",
            parentResourcePath: pulumi.interpolate`factories/${args.factoryName}`,
            resourceType: "managedVirtualNetworks",
            resourceName: vnetName,
            apiVersion: "2018-06-01",
            properties: {},
          },
          { parent: this },
        ).name
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
