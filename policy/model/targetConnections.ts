/**
 * Private endpoints seen only from their target. A private-link target read back from the cloud lists its
 * `privateEndpointConnections`; an endpoint there that is not in the stack (another subscription, another
 * team's account) still counts: the target has private endpoints. Where the endpoint sits and which group
 * ids it uses are not in the connection, so they stay unknown and rules needing them skip it.
 */
import type { Kind } from "./kinds";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { PrivateEndpoint } from "./types";
import { list, str, unknown } from "./values";

/** Where each private-link target kind lists its connections (Key Vault keeps its `properties` bag). */
const connectionLists: Partial<Record<Kind, readonly string[]>> = {
  workspace: ["privateEndpointConnections"],
  storageAccount: ["privateEndpointConnections"],
  keyVault: ["properties", "privateEndpointConnections"],
  containerRegistry: ["privateEndpointConnections"],
};

/** Endpoints outside the stack connected to `target`, once each. */
export function endpointsFromConnections(
  target: ResourceView,
  index: ResourceIndex,
  seen: Set<string>,
): PrivateEndpoint[] {
  const path = connectionLists[target.kind];
  const connections = path ? list(target.inputs, ...path) : undefined;
  if (!Array.isArray(connections)) return [];
  return connections.flatMap((connection) => {
    const id = str(connection, "privateEndpoint", "id");
    const key = typeof id === "string" ? index.keyOfId(id) : undefined;
    // In-stack endpoints are read from their own resource; an endpoint is listed once per target.
    if (key === undefined || index.kindOf(key) !== "privateEndpoint" || !index.isExternal(key)) return [];
    if (seen.has(`${key}|${target.urn}`)) return [];
    seen.add(`${key}|${target.urn}`);
    return [
      {
        key,
        urn: target.urn,
        label: index.label(key),
        location: undefined,
        subnet: unknown,
        vnet: unknown,
        connections: [{ target: target.urn, targetKind: target.kind, groupIds: unknown }],
      },
    ];
  });
}
