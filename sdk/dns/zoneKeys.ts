/** Stable keys for private DNS zones, the same in every cloud, and the zone names behind them. */
import {
  type AzureCloud,
  type GroupId,
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
