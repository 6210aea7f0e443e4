/**
 * Which component argument made a resource, read from its URN's parent type (and its parent's): a VNet an endpoint set created
 * (`PrivateEndpointSet`, alone or as a set of a `WorkspaceNetwork`), so a fix names the argument to change
 * (`WorkspaceNetwork 'net' → sets.clients.hubVirtualNetworkId`) instead of the resource it made.
 */
import type { StackResource } from "./stackResource";

const componentType = (name: string) => `azureml-network-isolation:index:${name}`;
const endpointSetType = componentType("PrivateEndpointSet");
const workspaceNetworkType = componentType("WorkspaceNetwork");

/** An endpoint set's VNet: the set's name, and the WorkspaceNetwork holding it when there is one. */
export interface ComponentOrigin {
  /** `WorkspaceNetwork 'net' → sets.clients.` or `PrivateEndpointSet 'clients' → `: prefix an argument name. */
  argument: string;
  /** The WorkspaceNetwork's name, shared by its sets (undefined for a set of its own). */
  network?: string;
}

/** The parent's type and the resource's own in a URN's qualified type, and its logical name. */
function urnParts(urn: string): { types: string[]; name: string } {
  const parts = urn.split("::");
  return { types: (parts[2] ?? "").split("$"), name: parts.slice(3).join("::") };
}

/** The VNet an endpoint set created is `<set>-vnet` (sdk/network/endpointNetwork.ts). */
const vnetSuffix = "-vnet";

/**
 * The origin of each VNet an endpoint set created, by URN. A WorkspaceNetwork names its sets
 * `<network>-<set>`; the networks' names come from the component resources the stack lists.
 */
export function vnetOrigins(
  resources: readonly StackResource[],
  vnetUrns: Iterable<string>,
): Map<string, ComponentOrigin> {
  const networks = resources.filter((r) => r.type === workspaceNetworkType).map((r) => r.name);
  // A URN carries its parent's type only: a set's own URN says whether a WorkspaceNetwork holds it.
  const setsInNetworks = new Set(
    resources
      .filter((r) => r.type === endpointSetType && urnParts(r.urn).types.includes(workspaceNetworkType))
      .map((r) => r.name),
  );
  const origins = new Map<string, ComponentOrigin>();
  for (const urn of vnetUrns) {
    const { types, name } = urnParts(urn);
    if (types[types.length - 2] !== endpointSetType || !name.endsWith(vnetSuffix)) continue;
    const setName = name.slice(0, -vnetSuffix.length);
    // The longest network name the set's name starts with ("net-a" before "net").
    const network = setsInNetworks.has(setName)
      ? networks.filter((n) => setName.startsWith(`${n}-`)).sort((a, b) => b.length - a.length)[0]
      : undefined;
    origins.set(
      urn,
      network === undefined
        ? { argument: `PrivateEndpointSet '${setName}' → ` }
        : { argument: `WorkspaceNetwork '${network}' → sets.${setName.slice(network.length + 1)}.`, network },
    );
  }
  return origins;
}
