/**
 * Managed private endpoints from an Azure Data Factory managed VNet to a private workspace and its storage,
 * key vault and registry: the documented "managed VNet of another service" scenario. Azure creates them
 * pending; the owner of each target approves them (see the report: approval needs the connection name Azure
 * assigns, which only a lookup after creation reveals).
 */
import * as pulumi from "@pulumi/pulumi";
import * as datafactory from "@pulumi/azure-native/datafactory";
import { planEndpoints } from "../endpoints/endpointPlan";
import { type WorkspaceTargetIds, targetIdOf } from "../endpoints/endpointSetArgs";

/** Arguments of {@link DataFactoryManagedEndpoints}. */
export interface DataFactoryManagedEndpointsArgs extends WorkspaceTargetIds {
  /** Name of the data factory. */
  factoryName: pulumi.Input<string>;
  /** Resource group of the data factory. */
  factoryResourceGroupName: pulumi.Input<string>;
  /** Name of the factory's managed VNet (Azure names it `default`). */
  managedVirtualNetworkName?: pulumi.Input<string>;
}

export class DataFactoryManagedEndpoints extends pulumi.ComponentResource {
  /** Managed private endpoint ids by endpoint key (`workspace-amlworkspace`, `storage-blob`, ...). */
  public readonly managedEndpointIds!: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DataFactoryManagedEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azureml-network-isolation:index:DataFactoryManagedEndpoints", name, {}, opts);
    if (opts?.urn) return;
    const endpoints = planEndpoints({
      additionalStorageKeys: Object.keys(args.additionalStorageAccounts ?? {}),
    });
    const ids: Record<string, pulumi.Output<string>> = {};
    for (const endpoint of endpoints) {
      const mpe = new datafactory.ManagedPrivateEndpoint(
        `${name}-mpe-${endpoint.key}`,
        {
          factoryName: args.factoryName,
          resourceGroupName: args.factoryResourceGroupName,
          managedVirtualNetworkName: args.managedVirtualNetworkName ?? "default",
          properties: { privateLinkResourceId: targetIdOf(args, endpoint), groupId: endpoint.groupId },
        },
        { parent: this },
      );
      ids[endpoint.key] = mpe.id;
    }
    this.managedEndpointIds = pulumi.all(ids);
    this.registerOutputs({ managedEndpointIds: this.managedEndpointIds });
  }
}
