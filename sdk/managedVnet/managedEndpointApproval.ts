/**
 * Approval, on the target side, of the private endpoint connection a managed private endpoint (Data Factory
 * or Synapse managed VNet) created there. Azure creates that connection Pending; until its owner approves
 * it, the managed VNet cannot reach the target.
 *
 * Why an ARM template deployment and not `storage.PrivateEndpointConnection` and its siblings: those
 * azure-native resources GET the connection before creating it and refuse one that exists ("cannot create
 * already existing resource"), and the pending connection always exists. A template deployment PUTs the
 * connection as ARM templates always do (create or update), which is the documented approval call of each
 * resource provider. Deleting this resource deletes only the deployment record; the connection goes away
 * with its managed private endpoint.
 */
import * as pulumi from "@pulumi/pulumi";
import { armIdOf, freeText, name } from "../validation/argKinds";
import {
  checkedWhenResolved,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import {
  approvableTargetTypes,
  approvalTargetOf,
  connectionNameOf,
  type ApprovalTarget,
  connectionsOfManagedEndpoint,
  readTargetConnections,
} from "./targetConnections";
import { armTemplate, templateDeployment } from "./templateDeployment";

export const managedEndpointApprovalType = "azureml-network-isolation:index:ManagedEndpointApproval";

/**
 * Arguments of {@link ManagedEndpointApproval}. The identity running Pulumi needs, on the target's resource
 * group, `Microsoft.Resources/deployments/write` and the right to approve connections on the target
 * (`<type>/privateEndpointConnectionsApproval/action`, e.g. Contributor). The target must be in the
 * provider's subscription.
 */
export interface ManagedEndpointApprovalArgs {
  /** ARM id of the target: an Azure ML workspace, storage account, key vault or container registry. */
  targetId: pulumi.Input<string>;
  /**
   * Name of the managed private endpoint whose connection to approve. Pass the managed private endpoint's
   * name output so the lookup runs after it exists.
   */
  managedEndpointName: pulumi.Input<string>;
  /** Text recorded on the approved connection. */
  description?: pulumi.Input<string>;
  /** Tags for the ARM deployment that approves the connection. */
  tags?: Tags;
}

/** How long to wait for Azure to show the pending connection on the target after the endpoint exists. */
const lookupAttempts = 12;
const lookupIntervalMs = 10_000;

/**
 * An ARM template that sets one private endpoint connection to Approved, with the target provider's own field
 * names for the connection state (see `approvedStates`). Pure.
 */
export function approvalTemplate(
  target: Pick<ApprovalTarget, "connectionType" | "apiVersion" | "approvedState">,
): Record<string, unknown> {
  // connectionName: `<target name>/<connection name>`, ARM's name of a child resource.
  return armTemplate(
    ["connectionName", "description"],
    [
      {
        type: target.connectionType,
        apiVersion: target.apiVersion,
        name: "[parameters('connectionName')]",
        properties: {
          privateLinkServiceConnectionState: {
            ...target.approvedState,
            description: "[parameters('description')]",
          },
        },
      },
    ],
  );
}

/** The manual equivalent, for error messages. */
function manualStep(targetId: string): string {
  return (
    `az network private-endpoint-connection list --id ${targetId} ` +
    `--query "[?properties.privateLinkServiceConnectionState.status=='Pending'].id" -o tsv, then ` +
    `az network private-endpoint-connection approve --id <connection id> --description Approved`
  );
}

/** Each argument's kind. */
export const managedEndpointApprovalArgSchema: ArgSchema<ManagedEndpointApprovalArgs> = {
  targetId: {
    kind: armIdOf(approvableTargetTypes, (id) => approvalTargetOf(id) !== undefined),
    required: true,
  },
  managedEndpointName: { kind: name(NameRules.childResource), required: true },
  description: { kind: freeText("a description") },
  tags: { kind: tagsKind() },
};

const componentName = "ManagedEndpointApproval";

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Approves, on its target (a workspace, storage account, key vault or registry), the Pending private
 * endpoint connection a Data Factory or Synapse managed private endpoint created there, through an ARM
 * template deployment that PUTs the connection Approved. {@link DataFactoryManagedEndpoints} and
 * {@link SynapseManagedEndpoints} make these; use it directly for a managed endpoint made elsewhere.
 *
 * @example
 * ```ts
 * new ManagedEndpointApproval("adf-storage-blob", {
 *   targetId: ws.storageAccountId,
 *   managedEndpointName: "adf-ml-storage-blob",
 * });
 * ```
 */
export class ManagedEndpointApproval extends pulumi.ComponentResource {
  /** ARM id of the approved connection on the target. */
  public readonly connectionId!: pulumi.Output<string>;

  constructor(name: string, args: ManagedEndpointApprovalArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn)
      throwArgProblems(componentName, name, schemaProblems(managedEndpointApprovalArgSchema, args));
    super(managedEndpointApprovalType, name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved(componentName, name, managedEndpointApprovalArgSchema, args, this);

    const connectionId = pulumi
      .all([args.targetId, args.managedEndpointName])
      .apply(([targetId, endpointName]) => this.findConnection(targetId, endpointName));
    // The id was checked (plain) or is checked when it resolves (checkedWhenResolved), so it has a target.
    const target = pulumi.output(args.targetId).apply((id) => approvalTargetOf(id)!);

    templateDeployment(
      `${name}-deployment`,
      {
        resourceGroupName: target.resourceGroup,
        template: target.apply(approvalTemplate),
        parameters: {
          connectionName: pulumi.interpolate`${target.name}/${connectionId.apply((id) => connectionNameOf({ id }))}`,
          description: args.description ?? "Approved by Pulumi (azureml-network-isolation)",
        },
        tags: args.tags,
      },
      { parent: this },
    );
    this.connectionId = connectionId;
    this.registerOutputs({ connectionId });
  }

  /** Waits for the connection the managed private endpoint created on the target, then returns its id. */
  private async findConnection(targetId: string, endpointName: string): Promise<string> {
    // A preview only shows what would happen; waiting for Azure there would only slow it down.
    const attempts = pulumi.runtime.isDryRun() ? 1 : lookupAttempts;
    for (let attempt = 1; ; attempt++) {
      const connections = await readTargetConnections(targetId, { parent: this });
      const matches = connectionsOfManagedEndpoint(connections, endpointName);
      if (matches.length === 1) return matches[0].id;
      if (matches.length > 1) {
        throw new pulumi.ResourceError(
          `several connections on ${targetId} belong to a private endpoint named like ${endpointName}: ` +
            `${matches.map(connectionNameOf).join(", ")}; give the managed private endpoint a more specific name`,
          this,
        );
      }
      if (attempt >= attempts) {
        throw new pulumi.ResourceError(
          `no private endpoint connection of managed private endpoint ${endpointName} on ${targetId} ` +
            `after ${attempts} lookups; check that the endpoint exists and targets it, or approve by hand: ` +
            manualStep(targetId),
          this,
        );
      }
      await delay(lookupIntervalMs);
    }
  }
}
