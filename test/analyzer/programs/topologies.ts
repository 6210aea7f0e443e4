/**
 * Raw azure-native programs for the engine-faithful pack tests: the correct single-VNet topology, the
 * correct isolated-clients topology (services and clients VNets, each with a complete endpoint set and its
 * own zones), and the isolated-clients topology whose clients VNet holds only a workspace endpoint.
 */
import { allGroupIds, endpointSet, type GroupId } from "./endpointSet";
import type { Existing } from "./placement";
import { workspaceWithDependencies } from "./workspaceWithDependencies";

/** The workspace with its dependencies, and the services VNet's complete endpoint set. */
function servicesTopology(existing: Existing) {
  const targets = workspaceWithDependencies(existing);
  const existingNetwork = existing === "network";
  endpointSet({
    prefix: "services",
    cidr: "10.10.0.0/16",
    subnetCidr: "10.10.1.0/24",
    groupIds: allGroupIds,
    targets,
    existingNetwork,
  });
  return { targets, existingNetwork };
}

export function singleVnet(existing: Existing): () => void {
  return () => {
    servicesTopology(existing);
  };
}

export function isolatedClients(
  existing: Existing,
  clientGroupIds: readonly GroupId[] = allGroupIds,
): () => void {
  return () => {
    const { targets, existingNetwork } = servicesTopology(existing);
    endpointSet({
      prefix: "clients",
      cidr: "10.20.0.0/16",
      subnetCidr: "10.20.1.0/24",
      groupIds: clientGroupIds,
      targets,
      existingNetwork,
    });
  };
}
