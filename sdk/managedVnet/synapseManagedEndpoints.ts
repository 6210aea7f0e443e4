/**
 * Managed private endpoints from an Azure Synapse managed VNet to a private workspace and its storage, key
 * vault and registry. Synapse managed private endpoints are a data-plane API
 * (`https://<workspace>.dev.azuresynapse.net/managedVirtualNetworks/default/managedPrivateEndpoints`): no
 * azure-native v3 resource or ARM template can create them. So this component checks the Synapse workspace
 * (refusing data exfiltration protection before anything is registered), plans the endpoints and gives the
 * commands that create them; once they exist, it approves their connections on the targets.
 */
import * as pulumi from "@pulumi/pulumi";
import { planEndpoints } from "../endpoints/endpointPlan";
import { type WorkspaceTargetIds, targetIdOf, workspaceTargetIdsSchema } from "../endpoints/endpointSetArgs";
import type { ArgProblem } from "../validation/argProblem";
import { bool, freeText, name } from "../validation/argKinds";
import {
  checkedWhenResolved,
  schemaProblems,
  throwArgProblems,
  type ArgSchema,
} from "../validation/argSchema";
import { NameRules } from "../validation/names";
import { tagsKind, type Tags } from "../validation/tags";
import { ManagedEndpointApproval } from "./managedEndpointApproval";
import { synapseManagedVnetProblem } from "./synapseSupport";

/** Arguments of {@link SynapseManagedEndpoints}. */
export interface SynapseManagedEndpointsArgs extends WorkspaceTargetIds {
  /** Name of the Synapse workspace. */
  synapseWorkspaceName: pulumi.Input<string>;
  /** The Synapse workspace's `managedVirtualNetwork` (plain value): must be `default`. */
  managedVirtualNetwork?: pulumi.Input<string>;
  /**
   * The Synapse workspace's `managedVirtualNetworkSettings.preventDataExfiltration` (plain value): must not
   * be true, Azure Machine Learning does not support it.
   */
  preventDataExfiltration?: pulumi.Input<boolean>;
  /**
   * Approve the endpoints' connections on their targets (plain value, default false). Set it once the
   * endpoints exist (created with {@link SynapseManagedEndpoints.createCommands}): the approval looks them up.
   */
  approveOnTargets?: pulumi.Input<boolean>;
  /**
   * Tags for the approvals' ARM deployments (the managed private endpoints, created by the commands, take
   * none). Azure's limits: 50, names ≤ 512, values ≤ 256.
   */
  tags?: Tags;
}

/** One managed private endpoint to create in the Synapse workspace. */
export interface SynapseManagedEndpoint {
  name: string;
  privateLinkResourceId: string;
  groupId: string;
}

/** Why a setting must be plain. */
const checkedFirst = (property: string) =>
  `${property} is checked before any resource is registered, so it must be a plain value, not an output`;

/** Each argument's kind; the Synapse settings are checked before anything is registered, so they must be plain. */
export const synapseManagedEndpointsArgSchema: ArgSchema<SynapseManagedEndpointsArgs> = {
  ...workspaceTargetIdsSchema,
  synapseWorkspaceName: { kind: name(NameRules.synapseWorkspace), required: true },
  // Any string: synapseManagedVnetProblem says what it must be and why.
  managedVirtualNetwork: { kind: freeText('"default"'), plain: checkedFirst("managedVirtualNetwork") },
  preventDataExfiltration: { kind: bool, plain: checkedFirst("preventDataExfiltration") },
  approveOnTargets: { kind: bool, plain: checkedFirst("approveOnTargets") },
  tags: { kind: tagsKind() },
};

const componentName = "SynapseManagedEndpoints";

/** Problems of the arguments: each by its kind, then whether the Synapse workspace is supported. Pure. */
export function synapseManagedEndpointsProblems(args: SynapseManagedEndpointsArgs): ArgProblem[] {
  const own = schemaProblems(synapseManagedEndpointsArgSchema, args);
  if (own.length > 0) return own;
  const problem = synapseManagedVnetProblem({
    managedVirtualNetwork: args.managedVirtualNetwork as string | undefined,
    preventDataExfiltration: args.preventDataExfiltration as boolean | undefined,
  });
  return problem ? [problem] : [];
}

/** The Azure CLI command that creates one managed private endpoint. Pure. */
export function synapseCreateCommand(workspaceName: string, endpoint: SynapseManagedEndpoint): string {
  const definition = JSON.stringify({
    privateLinkResourceId: endpoint.privateLinkResourceId,
    groupId: endpoint.groupId,
  });
  return (
    `az synapse managed-private-endpoints create --workspace-name ${workspaceName} ` +
    `--pe-name ${endpoint.name} --file '${definition}'`
  );
}

/**
 * Managed private endpoints from an Azure Synapse managed VNet to a private workspace and its storage, key
 * vault and registry. Synapse creates these through its data-plane API only, so this component checks the
 * Synapse workspace (refusing data exfiltration protection before anything is registered), plans the
 * endpoints and outputs the commands that create them; once they exist, a run with `approveOnTargets`
 * approves their connections on the targets ({@link ManagedEndpointApproval}).
 *
 * @example
 * ```ts
 * const synapse = new SynapseManagedEndpoints("syn", {
 *   synapseWorkspaceName: "syn-ml",
 *   managedVirtualNetwork: "default",
 *   workspaceId: ws.workspaceId,
 *   storageAccountId: ws.storageAccountId,
 *   keyVaultId: ws.keyVaultId,
 *   containerRegistryId: ws.containerRegistryId,
 * });
 * ```
 */
export class SynapseManagedEndpoints extends pulumi.ComponentResource {
  /** The managed private endpoints to create, by endpoint key (`workspace-amlworkspace`, `storage-blob`, ...). */
  public readonly managedEndpoints!: pulumi.Output<Record<string, SynapseManagedEndpoint>>;
  /** One `az synapse managed-private-endpoints create` command per endpoint (needs Synapse RBAC on the workspace). */
  public readonly createCommands!: pulumi.Output<string[]>;
  /** Approved connection ids on the targets by endpoint key; empty unless approveOnTargets. */
  public readonly approvedConnectionIds!: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: SynapseManagedEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (!opts?.urn) throwArgProblems(componentName, name, synapseManagedEndpointsProblems(args));
    super(`azureml-network-isolation:index:${componentName}`, name, {}, opts);
    if (opts?.urn) return;
    args = checkedWhenResolved(componentName, name, synapseManagedEndpointsArgSchema, args, this);

    const planned = planEndpoints({
      additionalStorageKeys: Object.keys(args.additionalStorageAccounts ?? {}),
    });
    const endpoints: Record<string, pulumi.Output<SynapseManagedEndpoint>> = {};
    const approved: Record<string, pulumi.Output<string>> = {};
    for (const endpoint of planned) {
      const targetId = targetIdOf(args, endpoint);
      const endpointName = `${name}-${endpoint.key}`;
      endpoints[endpoint.key] = pulumi.output(targetId).apply((privateLinkResourceId) => ({
        name: endpointName,
        privateLinkResourceId,
        groupId: endpoint.groupId,
      }));
      if (args.approveOnTargets !== true) continue;
      approved[endpoint.key] = new ManagedEndpointApproval(
        `${name}-approve-${endpoint.key}`,
        {
          targetId,
          managedEndpointName: endpointName,
          description: pulumi.interpolate`Managed private endpoint ${endpointName} of Synapse workspace ${args.synapseWorkspaceName}`,
          tags: args.tags,
        },
        { parent: this },
      ).connectionId;
    }
    this.managedEndpoints = pulumi.all(endpoints);
    this.createCommands = pulumi
      .all([args.synapseWorkspaceName, this.managedEndpoints])
      .apply(([workspace, all]) => Object.values(all).map((e) => synapseCreateCommand(workspace, e)));
    this.approvedConnectionIds = pulumi.all(approved);
    this.registerOutputs({
      managedEndpoints: this.managedEndpoints,
      createCommands: this.createCommands,
      approvedConnectionIds: this.approvedConnectionIds,
    });
  }
}
