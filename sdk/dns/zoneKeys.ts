/** Stable keys for private DNS zones, the same in every cloud, and the zone names behind them. */
import {
  type AzureCloud,
  type GroupId,
  classifyRegionalZone,
  classifyZone,
  maxZoneConfigsPerGroup,
  privateDnsZones,
} from "../../policy/azure/clouds";

/**
 * A zone's stable key: its first label after `privatelink.` (`api`, `notebooks`, `blob`, `vaultcore`,
 * `azurecr`), the same in every cloud, so zone children keep their names whatever the cloud.
 */
export function zoneKey(zoneName: string): string {
  return zoneName.split(".")[1];
}

/**
 * The stable key of a zone an endpoint set or the central DNS may adopt: a zone-table zone's {@link zoneKey}, or
 * a per-region zone's group id and region (`registry-westeurope`); undefined for any other name.
 */
export function adoptedZoneKey(zoneName: string): string | undefined {
  const name = zoneName.toLowerCase();
  if (classifyZone(name)) return zoneKey(name);
  const regional = classifyRegionalZone(name);
  return regional ? `${regional.groupId}-${regional.region}` : undefined;
}

/** The zone keys an endpoint of `groupId` writes to, in zone-table order. */
export function zoneKeysFor(groupId: GroupId): string[] {
  const keys = privateDnsZones.AzureCloud[groupId].map(zoneKey);
  // The ARM limit holds for every group id today; the check keeps a future table edit honest.
  if (keys.length > maxZoneConfigsPerGroup) {
    throw new Error(
      `group id ${groupId} needs ${keys.length} zones; a zone group holds ${maxZoneConfigsPerGroup}`,
    );
  }
  return keys;
}

/**
 * The zone keys the zone group of an endpoint of `groupId` names: the zone table's, then the regional zones of
 * that group id among the existing ones (the registry's data zone, which overrides the registry zone for the
 * data endpoint's name wherever it is linked).
 */
export function zoneGroupKeysFor(groupId: GroupId, existingZoneNames: readonly string[]): string[] {
  const regional = existingZoneNames.filter((z) => classifyRegionalZone(z)?.groupId === groupId);
  return [...zoneKeysFor(groupId), ...regional.map((z) => adoptedZoneKey(z)!)];
}

/** The distinct zone keys endpoints of these group ids write to. */
export function zoneKeysOf(groupIds: readonly GroupId[]): string[] {
  return [...new Set(groupIds.flatMap(zoneKeysFor))];
}

/** The zone name behind a zone key in a cloud, e.g. `blob` → `privatelink.blob.core.chinacloudapi.cn`. */
export function zoneNameFor(cloud: AzureCloud, key: string): string {
  const name = Object.values(privateDnsZones[cloud])
    .flat()
    .find((zone) => zoneKey(zone) === key);
  if (!name) throw new Error(`no private DNS zone with key ${key} in ${cloud}`);
  return name;
}
