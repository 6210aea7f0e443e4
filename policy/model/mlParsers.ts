/** Reads ML computes, AKS clusters, online/batch endpoints and datastores from resource views. */
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { BatchEndpoint, Compute, Datastore, ManagedCluster, OnlineEndpoint } from "./types";
import { at, bool, isUnknown, list, str, unknown, type Maybe } from "./values";
import type { Key } from "./types";

function workspaceOf(view: ResourceView, index: ResourceIndex): Maybe<Key> {
  return index.byName(view, "workspaceName", "workspace", view.resourceGroup, [view.armNames[0]]);
}

export function parseCompute(view: ResourceView, index: ResourceIndex): Compute {
  const body = at(view.inputs, "properties");
  const computeType = str(body, "computeType");
  const location = str(view.inputs, "location");
  return {
    ...index.entity(view),
    workspace: workspaceOf(view, index),
    computeType,
    location: location ?? str(body, "computeLocation"),
    subnet: index.byId(view, "properties", str(body, "properties", "subnet", "id"), [
      "subnet",
      "virtualNetwork",
    ]),
    vnet: undefined,
    cluster:
      computeType === "AKS"
        ? index.byId(view, "properties", str(body, "resourceId"), ["managedCluster"])
        : undefined,
    disableLocalAuth: bool(body, "disableLocalAuth"),
    enableNodePublicIp: bool(body, "properties", "enableNodePublicIp"),
    idleTimeBeforeShutdown: str(body, "properties", "idleTimeBeforeShutdown"),
  };
}

export function parseManagedCluster(view: ResourceView, index: ResourceIndex): ManagedCluster {
  const pools = list(view.inputs, "agentPoolProfiles");
  const subnetId = isUnknown(pools) ? unknown : str(pools?.[0], "vnetSubnetID");
  return {
    ...index.entity(view),
    location: str(view.inputs, "location"),
    subnet: index.byId(view, "agentPoolProfiles", subnetId, ["subnet", "virtualNetwork"]),
    vnet: undefined,
  };
}

export function parseOnlineEndpoint(view: ResourceView, index: ResourceIndex): OnlineEndpoint {
  // azure-native v3 nests the endpoint's properties under `properties`; v2 under `onlineEndpointProperties`.
  const body = at(view.inputs, "properties") ?? at(view.inputs, "onlineEndpointProperties");
  return {
    ...index.entity(view),
    workspace: workspaceOf(view, index),
    publicNetworkAccess: str(body, "publicNetworkAccess"),
  };
}

export function parseBatchEndpoint(view: ResourceView, index: ResourceIndex): BatchEndpoint {
  return { ...index.entity(view), workspace: workspaceOf(view, index) };
}

export function parseDatastore(view: ResourceView, index: ResourceIndex): Datastore {
  // azure-native v3 names the body `properties`; v2 `datastoreProperties`.
  const input = at(view.inputs, "properties") !== undefined ? "properties" : "datastoreProperties";
  const body = at(view.inputs, input);
  // The storage account's resource group defaults to the datastore's own.
  const accountGroup = str(body, "resourceGroup") ?? view.resourceGroup;
  return {
    ...index.entity(view),
    workspace: workspaceOf(view, index),
    datastoreType: str(body, "datastoreType"),
    storageAccount: index.byName(view, input, "storageAccount", accountGroup, [str(body, "accountName")]),
  };
}
