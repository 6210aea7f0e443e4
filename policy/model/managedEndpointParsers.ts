/** Reads managed private endpoints of Synapse (classic provider) and Data Factory (azure-native). */
import { endpointTargetKinds } from "./groupTargets";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { ManagedEndpoint } from "./types";
import { str, type Maybe } from "./values";
import type { Key } from "./types";

export function parseManagedEndpoint(view: ResourceView, index: ResourceIndex): ManagedEndpoint {
  const synapse = view.kind === "synapseManagedEndpoint";
  const targetInput = synapse ? "targetResourceId" : "properties";
  const targetId = synapse
    ? str(view.inputs, "targetResourceId")
    : str(view.inputs, "properties", "privateLinkResourceId");
  const target: Maybe<Key> = index.byId(view, targetInput, targetId, endpointTargetKinds);
  return {
    ...index.entity(view),
    service: synapse ? "synapse" : "dataFactory",
    host: synapse
      ? index.byId(view, "synapseWorkspaceId", str(view.inputs, "synapseWorkspaceId"), ["synapseWorkspace"])
      : undefined,
    target,
    targetKind: typeof target === "string" ? index.kindOf(target) : undefined,
    groupId: synapse ? str(view.inputs, "subresourceName") : str(view.inputs, "properties", "groupId"),
  };
}
