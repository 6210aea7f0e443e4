/**
 * Which private endpoints one endpoint set creates, keyed by stable names. Pure: the component and the
 * cross-set validation both read this plan, and tests call it directly.
 */
import { type GroupId, GroupIds } from "../../policy/azure/clouds";

/** What an endpoint points at. */
export const EndpointTargetKinds = {
  workspace: "workspace",
  storage: "storage",
  vault: "vault",
  registry: "registry",
  additionalStorage: "additionalStorage",
} as const;
export type EndpointTargetKind = (typeof EndpointTargetKinds)[keyof typeof EndpointTargetKinds];

/** One planned endpoint. */
export interface PlannedEndpoint {
  /** Stable key: target kind (and additional storage key) plus group id. Child names derive from it. */
  key: string;
  kind: EndpointTargetKind;
  groupId: GroupId;
  /** Key of the target among the additional storage accounts; undefined for the workspace's own targets. */
  targetKey?: string;
  /** Whether the workspace identity gets Reader on this endpoint (storage endpoints, for the studio). */
  studioReader: boolean;
}

/** Storage sub-resources a set may add to the always-present blob and file. */
export const optionalStorageGroupIds: readonly GroupId[] = [GroupIds.queue, GroupIds.table, GroupIds.dfs];

/**
 * Private IPs one endpoint of a group id takes: one per FQDN Azure registers for it (the workspace has
 * api, cert-api and notebooks names; a registry has its login server and one regional data endpoint).
 */
export const addressesPerEndpoint: Readonly<Record<GroupId, number>> = {
  amlworkspace: 3,
  blob: 1,
  file: 1,
  queue: 1,
  table: 1,
  dfs: 1,
  vault: 1,
  registry: 2,
};

/** Inputs of the plan: only what decides which endpoints exist. */
export interface EndpointPlanInput {
  /** Extra group ids for the default storage account (queue, table, dfs). */
  storageGroupIds?: readonly string[];
  /** Stable keys of additional storage accounts. */
  additionalStorageKeys?: readonly string[];
  /**
   * The workspace has a managed network, so the set serves clients only: the workspace and its storage (the
   * studio reads blob and file through the client, [MN] §6), no key vault or registry, which the managed VNet
   * reaches through Azure's Required rules.
   */
  managedNetwork?: boolean;
  /** The target kinds the set holds (a spoke reaching the others through its hub); undefined means all. */
  endpoints?: readonly string[];
}

/** The endpoints of one set, in a fixed order (the order does not affect names). */
export function planEndpoints(input: EndpointPlanInput): PlannedEndpoint[] {
  const held = input.endpoints;
  return allEndpoints(input).filter((e) => held === undefined || held.includes(e.kind));
}

/** Every endpoint a complete set of these targets has. */
function allEndpoints(input: EndpointPlanInput): PlannedEndpoint[] {
  const storageGroups = [GroupIds.blob, GroupIds.file, ...((input.storageGroupIds ?? []) as GroupId[])];
  const endpoints: PlannedEndpoint[] = [
    { key: "workspace-amlworkspace", kind: "workspace", groupId: GroupIds.amlworkspace, studioReader: false },
    ...[...new Set(storageGroups)].map((groupId) => ({
      key: `storage-${groupId}`,
      kind: EndpointTargetKinds.storage,
      groupId,
      studioReader: true,
    })),
    ...(input.managedNetwork
      ? []
      : [
          {
            key: "vault-vault",
            kind: EndpointTargetKinds.vault,
            groupId: GroupIds.vault,
            studioReader: false,
          },
          {
            key: "registry-registry",
            kind: EndpointTargetKinds.registry,
            groupId: GroupIds.registry,
            studioReader: false,
          },
        ]),
  ];
  for (const targetKey of input.additionalStorageKeys ?? []) {
    for (const groupId of [GroupIds.blob, GroupIds.file]) {
      endpoints.push({
        key: `storage-${targetKey}-${groupId}`,
        kind: EndpointTargetKinds.additionalStorage,
        groupId,
        targetKey,
        studioReader: true,
      });
    }
  }
  return endpoints;
}

/** Private IPs the planned endpoints need in their subnet. */
export function addressesNeeded(endpoints: readonly PlannedEndpoint[]): number {
  return endpoints.reduce((sum, e) => sum + addressesPerEndpoint[e.groupId], 0);
}
