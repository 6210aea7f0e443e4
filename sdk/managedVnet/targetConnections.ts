/**
 * The private endpoint connections on the target of a managed private endpoint. Azure names the connection
 * on the target itself (the name is not derived from anything the caller chose), so the only way to find
 * it is to list the target's connections after the managed private endpoint exists and pick the one whose
 * private endpoint carries the managed private endpoint's name, as public Terraform modules that
 * auto-approve Data Factory endpoints do.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as ml from "@pulumi/azure-native/machinelearningservices";
import * as storage from "@pulumi/azure-native/storage";
import { ArmTypes, parseArmId } from "../../policy/azure/armId";

/** One connection on a target, as the target's own GET returns it. */
export interface TargetConnection {
  /** ARM id of the connection: `<target id>/privateEndpointConnections/<name>`. */
  id: string;
  /** ARM id of the private endpoint on the other side (in a Microsoft-managed subscription for managed VNets). */
  privateEndpointId?: string;
  /** Pending, Approved, Rejected or Disconnected. */
  status?: string;
}

/**
 * The approved state a provider's connection is written with: the fields of its `PrivateLinkServiceConnectionState`
 * at the API version used, which differ between providers (storage spells `actionRequired`, the others
 * `actionsRequired`). The description comes from the approval's own argument.
 */
export interface ApprovedState {
  /** The spec file (in Azure/azure-rest-api-specs) whose `PrivateLinkServiceConnectionState` this follows. */
  spec: string;
  /** The body without `description`. */
  state: Record<string, string>;
}

/** How to read one kind of target's connections, and the API version its connections are written with. */
interface TargetKind {
  read(
    resourceGroupName: string,
    name: string,
    opts: pulumi.InvokeOptions,
  ): Promise<(TargetConnection | undefined)[]>;
  /** A GA API version of `<type>/privateEndpointConnections` (the one azure-native v3 uses where it is GA). */
  apiVersion: string;
  /** The approved connection state, in the field names of `apiVersion`. */
  approved: ApprovedState;
}

interface ConnectionShape {
  id?: string;
  privateEndpoint?: { id?: string };
  privateLinkServiceConnectionState?: { status?: string };
}

function connectionOf(c: ConnectionShape): TargetConnection | undefined {
  return c.id === undefined
    ? undefined
    : {
        id: c.id,
        privateEndpointId: c.privateEndpoint?.id,
        status: c.privateLinkServiceConnectionState?.status,
      };
}

/** The targets managed private endpoints of this product point at, by lower-cased ARM type. */
const targetKinds: Record<string, TargetKind> = {
  [ArmTypes.workspace.toLowerCase()]: {
    read: async (resourceGroupName, workspaceName, opts) =>
      (
        (await ml.getWorkspace({ resourceGroupName, workspaceName }, opts)).privateEndpointConnections ?? []
      ).map(connectionOf),
    apiVersion: "2025-12-01",
    approved: {
      spec: "specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/workspaceRP.json",
      state: { status: "Approved", actionsRequired: "None" },
    },
  },
  [ArmTypes.storageAccount.toLowerCase()]: {
    read: async (resourceGroupName, accountName, opts) =>
      (
        (await storage.getStorageAccount({ resourceGroupName, accountName }, opts))
          .privateEndpointConnections ?? []
      ).map(connectionOf),
    apiVersion: "2024-01-01",
    approved: {
      spec: "specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/privatelinks.json",
      state: { status: "Approved", actionRequired: "None" },
    },
  },
  [ArmTypes.keyVault.toLowerCase()]: {
    read: async (resourceGroupName, vaultName, opts) =>
      (
        (await keyvault.getVault({ resourceGroupName, vaultName }, opts)).properties
          .privateEndpointConnections ?? []
      ).map(connectionOf),
    apiVersion: "2024-11-01",
    approved: {
      spec: "specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2024-11-01/keyvault.json",
      state: { status: "Approved", actionsRequired: "None" },
    },
  },
  [ArmTypes.containerRegistry.toLowerCase()]: {
    read: async (resourceGroupName, registryName, opts) =>
      (
        (await containerregistry.getRegistry({ resourceGroupName, registryName }, opts))
          .privateEndpointConnections ?? []
      ).map(connectionOf),
    // azure-native v3 uses a preview version for registry connections; 2023-07-01 is the latest GA one.
    apiVersion: "2023-07-01",
    approved: {
      spec: "specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/stable/2023-07-01/containerregistry.json",
      state: { status: "Approved", actionsRequired: "None" },
    },
  },
};

/** The approved state per lower-cased target type, with the spec it follows (for tests and docs). */
export const approvedStates: Readonly<Record<string, ApprovedState & { apiVersion: string }>> =
  Object.fromEntries(
    Object.entries(targetKinds).map(([type, kind]) => [
      type,
      { ...kind.approved, apiVersion: kind.apiVersion },
    ]),
  );

/** The resource types whose connections can be read and approved here. */
export const approvableTargetTypes: readonly string[] = [
  ArmTypes.workspace,
  ArmTypes.storageAccount,
  ArmTypes.keyVault,
  ArmTypes.containerRegistry,
];

/** The kind of a target id; undefined when the id is not one of {@link approvableTargetTypes}. */
function kindOf(
  targetId: string,
): { kind: TargetKind; resourceGroup: string; name: string; type: string } | undefined {
  const parsed = parseArmId(targetId);
  const kind = parsed && targetKinds[parsed.type.toLowerCase()];
  return parsed && kind
    ? { kind, resourceGroup: parsed.resourceGroup, name: parsed.name, type: parsed.type }
    : undefined;
}

/** Lists the connections on a target (one GET of the target). */
export async function readTargetConnections(
  targetId: string,
  opts: pulumi.InvokeOptions,
): Promise<TargetConnection[]> {
  const target = kindOf(targetId);
  if (!target) throw new Error(`${targetId} is not the id of a ${approvableTargetTypes.join(", ")}`);
  const connections = await target.kind.read(target.resourceGroup, target.name, opts);
  return connections.filter((c): c is TargetConnection => c !== undefined);
}

/**
 * Where a target's connections are written: its resource group and name, their ARM type and API version, and
 * the approved state in that version's field names.
 */
export interface ApprovalTarget {
  resourceGroup: string;
  name: string;
  connectionType: string;
  apiVersion: string;
  approvedState: Record<string, string>;
}

/** The approval target of a target id; undefined when it is not one of {@link approvableTargetTypes}. */
export function approvalTargetOf(targetId: string): ApprovalTarget | undefined {
  const target = kindOf(targetId);
  return (
    target && {
      resourceGroup: target.resourceGroup,
      name: target.name,
      connectionType: `${target.type}/privateEndpointConnections`,
      apiVersion: target.kind.apiVersion,
      approvedState: target.kind.approved.state,
    }
  );
}

/** The last segment of an ARM id. */
function lastSegment(id: string): string {
  return id.replace(/\/$/, "").split("/").pop() ?? "";
}

/**
 * The connections a managed private endpoint created on its target: those whose private endpoint's name
 * contains the managed private endpoint's name (Azure names that endpoint after the factory or Synapse
 * workspace and the managed private endpoint). Case-insensitive, as ARM names are.
 */
export function connectionsOfManagedEndpoint(
  connections: readonly TargetConnection[],
  managedEndpointName: string,
): TargetConnection[] {
  const wanted = managedEndpointName.toLowerCase();
  return connections.filter(
    (c) =>
      c.privateEndpointId !== undefined && lastSegment(c.privateEndpointId).toLowerCase().includes(wanted),
  );
}

/** The name of a connection, from its id. */
export function connectionNameOf(connection: TargetConnection): string {
  return lastSegment(connection.id);
}
