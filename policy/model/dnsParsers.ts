/** Reads private DNS zones, zone groups (standalone or inline on an endpoint) and VNet links. */
import { parseArmId } from "../azure/armId";
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { PrivateZone, VnetLink, ZoneGroup, ZoneRef } from "./types";
import { isUnknown, list, str, type Maybe } from "./values";

export function parseZone(view: ResourceView, index: ResourceIndex): PrivateZone {
  return { ...index.entity(view), zoneName: view.armNames[0] };
}

export function parseZoneGroup(view: ResourceView, index: ResourceIndex): ZoneGroup {
  return {
    ...index.entity(view),
    endpoint: index.byName(view, "privateEndpointName", "privateEndpoint", view.resourceGroup, [
      view.armNames[0],
    ]),
    ...zoneConfigs(view, index, "privateDnsZoneConfigs", list(view.inputs, "privateDnsZoneConfigs")),
  };
}

/** Zone groups declared inside a private endpoint's own inputs. */
export function parseInlineZoneGroups(view: ResourceView, index: ResourceIndex): ZoneGroup[] {
  const groups = list(view.inputs, "privateDnsZoneGroups");
  if (groups === undefined || isUnknown(groups)) return [];
  return groups.map((group, position) => ({
    key: `${view.urn}/privateDnsZoneGroups/${position}`,
    urn: view.urn,
    label: `zone group of ${index.label(view.urn)}`,
    endpoint: view.urn,
    ...zoneConfigs(view, index, "privateDnsZoneGroups", list(group, "privateDnsZoneConfigs")),
  }));
}

/**
 * The zones a group's configs name. Known ids are resolved directly; at preview the zones' URNs come from
 * the property dependencies of the configs input. The group is complete when every config is accounted for.
 */
function zoneConfigs(
  view: ResourceView,
  index: ResourceIndex,
  input: string,
  configs: Maybe<unknown[]>,
): { zones: ZoneRef[]; complete: boolean } {
  if (configs === undefined) return { zones: [], complete: true };
  if (isUnknown(configs)) return { zones: dependencyZones(view, index, input), complete: false };
  const zones = new Map<string, ZoneRef>();
  let unresolved = 0;
  for (const config of configs) {
    const id = str(config, "privateDnsZoneId");
    const key = typeof id === "string" ? index.keyOfId(id) : undefined;
    if (typeof id === "string" && key !== undefined) zones.set(key, { key, zoneName: parseArmId(id)?.name });
    else unresolved++;
  }
  if (unresolved > 0)
    for (const zone of dependencyZones(view, index, input))
      if (!zones.has(zone.key)) zones.set(zone.key, zone);
  return { zones: [...zones.values()], complete: zones.size >= configs.length };
}

function dependencyZones(view: ResourceView, index: ResourceIndex, input: string): ZoneRef[] {
  return view
    .dependencies(input)
    .filter((urn) => index.kindOf(urn) === "privateZone")
    .map((urn) => ({ key: urn, zoneName: undefined }));
}

export function parseVnetLink(view: ResourceView, index: ResourceIndex): VnetLink {
  return {
    ...index.entity(view),
    zone: index.byName(view, "privateZoneName", "privateZone", view.resourceGroup, [view.armNames[0]]),
    vnet: index.byId(view, "virtualNetwork", str(view.inputs, "virtualNetwork", "id"), ["virtualNetwork"]),
    resolutionPolicy: str(view.inputs, "resolutionPolicy"),
  };
}
