/**
 * Reads what the private endpoints of a recorded graph do: which target and group id each connects to,
 * which zones it writes records into, which zones each VNet links. Works on update and preview graphs:
 * ids unknown at preview are followed through property dependencies (URNs) instead.
 */
import { expect } from "chai";
import { armIdKey, parseArmId } from "../../policy/azure/armId";
import type { RecordedGraph, RecordedResource } from "../../plan/mockRun";

export const types = {
  endpoint: "azure-native:network:PrivateEndpoint",
  zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
  zone: "azure-native:privatedns:PrivateZone",
  link: "azure-native:privatedns:VirtualNetworkLink",
  vnet: "azure-native:network:VirtualNetwork",
  subnet: "azure-native:network:Subnet",
  roleAssignment: "azure-native:authorization:RoleAssignment",
  resourceGroup: "azure-native:resources:ResourceGroup",
} as const;

/** A zone as an endpoint sees it: a stable identity (id, or URN when the id is unknown) and its name. */
export interface ZoneRef {
  identity: string;
  name: string;
}

export interface EndpointFact {
  resource: RecordedResource;
  groupId: string;
  /** Target id, or the target resource's URN when the id is unknown (preview). */
  target: string;
  /** Zones the endpoint's zone groups write to. */
  zones: ZoneRef[];
  /** Number of zone groups on the endpoint. */
  zoneGroups: number;
}

interface Connection {
  privateLinkServiceId?: unknown;
  groupIds?: string[];
}

function zoneRefs(graph: RecordedGraph, group: RecordedResource): ZoneRef[] {
  const configs = (group.inputs.privateDnsZoneConfigs as { privateDnsZoneId?: unknown }[] | undefined) ?? [];
  const byId = configs
    .map((c) => c.privateDnsZoneId)
    .filter((id): id is string => typeof id === "string")
    .map((id) => ({
      id,
      zone: graph.ofType(types.zone).find((z) => z.id && armIdKey(z.id) === armIdKey(id)),
    }));
  const byUrn = (group.propertyDependencies.privateDnsZoneConfigs ?? [])
    .map((urn) => graph.byUrn(urn)!)
    .filter((r) => r.type === types.zone && !byId.some((b) => b.zone?.urn === r.urn));
  return [
    ...byId.map(({ id, zone }) => ({
      identity: zone?.urn ?? armIdKey(id),
      name: zone ? zoneName(zone) : parseArmId(id)!.name,
    })),
    ...byUrn.map((z) => ({ identity: z.urn, name: zoneName(z) })),
  ];
}

export function zoneName(zone: RecordedResource): string {
  return String(zone.inputs.privateZoneName);
}

/** Every private endpoint with its target, group id and zones. */
export function endpointFacts(graph: RecordedGraph): EndpointFact[] {
  return graph.ofType(types.endpoint).map((pe) => {
    const connection = (pe.inputs.privateLinkServiceConnections as Connection[])[0];
    const groups = graph
      .ofType(types.zoneGroup)
      .filter((g) => (g.propertyDependencies.privateEndpointName ?? []).includes(pe.urn));
    const target =
      typeof connection.privateLinkServiceId === "string"
        ? armIdKey(connection.privateLinkServiceId)
        : pe.propertyDependencies.privateLinkServiceConnections.join(",");
    return {
      resource: pe,
      groupId: connection.groupIds![0],
      target,
      zones: groups.flatMap((g) => zoneRefs(graph, g)),
      zoneGroups: groups.length,
    };
  });
}

/** Zone names linked to each VNet, by VNet URN (or existing VNet id). */
export function linksByVnet(graph: RecordedGraph): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const link of graph.ofType(types.link)) {
    const vnet =
      (link.propertyDependencies.virtualNetwork ?? []).find((u) => graph.byUrn(u)?.type === types.vnet) ??
      String((link.inputs.virtualNetwork as { id?: unknown }).id);
    const zone = graph.byUrn(link.propertyDependencies.privateZoneName[0])!;
    links.set(vnet, [...(links.get(vnet) ?? []), zoneName(zone)].sort());
  }
  return links;
}

/** Asserts that no zone receives records from two endpoints of one target and group id. */
export function expectNoSharedRecords(facts: readonly EndpointFact[]): void {
  const writers = new Map<string, string>();
  for (const fact of facts) {
    for (const zone of fact.zones) {
      const key = `${zone.identity}|${fact.target}|${fact.groupId}`;
      expect(
        writers.get(key),
        `${fact.resource.name} and ${writers.get(key)} both write ${zone.name}`,
      ).to.equal(undefined);
      writers.set(key, fact.resource.name);
    }
  }
}

/** The zone names an endpoint of each group id writes to, for endpoints under `parentUrn`. */
export function zonesByGroupId(facts: readonly EndpointFact[], parentUrn: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of facts.filter((x) => x.resource.parent === parentUrn)) {
    out[f.groupId] = [...new Set([...(out[f.groupId] ?? []), ...f.zones.map((z) => z.name)])].sort();
  }
  return out;
}

/** Zone names of public Azure per group id, sorted, as {@link zonesByGroupId} gives them. */
export const publicZonesByGroupId: Record<string, string[]> = {
  amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
  blob: ["privatelink.blob.core.windows.net"],
  file: ["privatelink.file.core.windows.net"],
  vault: ["privatelink.vaultcore.azure.net"],
  registry: ["privatelink.azurecr.io"],
};

export const allPublicZones = [...new Set(Object.values(publicZonesByGroupId).flat())].sort();
