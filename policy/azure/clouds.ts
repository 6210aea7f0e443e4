/**
 * The Azure clouds the product supports, and the private DNS zone names each private-endpoint
 * group id resolves through in each of them. Zone names come from an explicit cloud, never from
 * a DNS suffix: deriving the Key Vault zone from the vault suffix gives `privatelink.vault.azure.net`,
 * which is wrong and fails silently.
 */

import { normalizeLocation, regions } from "./locations";

/** An Azure cloud, named as `az cloud list` names it. */
export const AzureClouds = {
  AzureCloud: "AzureCloud",
  AzureChinaCloud: "AzureChinaCloud",
  AzureUSGovernment: "AzureUSGovernment",
} as const;
export type AzureCloud = (typeof AzureClouds)[keyof typeof AzureClouds];

export const allClouds: readonly AzureCloud[] = Object.values(AzureClouds);

export function isAzureCloud(value: string): value is AzureCloud {
  return (allClouds as readonly string[]).includes(value);
}

/** The private-link group ids (sub-resources) this product creates endpoints for. */
export const GroupIds = {
  amlworkspace: "amlworkspace",
  blob: "blob",
  file: "file",
  queue: "queue",
  table: "table",
  dfs: "dfs",
  vault: "vault",
  registry: "registry",
} as const;
export type GroupId = (typeof GroupIds)[keyof typeof GroupIds];

export const storageGroupIds: readonly GroupId[] = ["blob", "file", "queue", "table", "dfs"];

/**
 * Private DNS zones per group id per cloud. The workspace needs two zones (api and notebooks), both in
 * the one zone group of its one `amlworkspace` endpoint. The registry's regional data endpoints have a
 * zone of their own per region too (regionalPrivateDnsZones), which an endpoint needs only where one exists.
 */
export const privateDnsZones: Readonly<Record<AzureCloud, Readonly<Record<GroupId, readonly string[]>>>> = {
  AzureCloud: {
    amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    blob: ["privatelink.blob.core.windows.net"],
    file: ["privatelink.file.core.windows.net"],
    queue: ["privatelink.queue.core.windows.net"],
    table: ["privatelink.table.core.windows.net"],
    dfs: ["privatelink.dfs.core.windows.net"],
    vault: ["privatelink.vaultcore.azure.net"],
    registry: ["privatelink.azurecr.io"],
  },
  AzureChinaCloud: {
    amlworkspace: ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"],
    blob: ["privatelink.blob.core.chinacloudapi.cn"],
    file: ["privatelink.file.core.chinacloudapi.cn"],
    queue: ["privatelink.queue.core.chinacloudapi.cn"],
    table: ["privatelink.table.core.chinacloudapi.cn"],
    dfs: ["privatelink.dfs.core.chinacloudapi.cn"],
    vault: ["privatelink.vaultcore.azure.cn"],
    registry: ["privatelink.azurecr.cn"],
  },
  AzureUSGovernment: {
    amlworkspace: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
    blob: ["privatelink.blob.core.usgovcloudapi.net"],
    file: ["privatelink.file.core.usgovcloudapi.net"],
    queue: ["privatelink.queue.core.usgovcloudapi.net"],
    table: ["privatelink.table.core.usgovcloudapi.net"],
    dfs: ["privatelink.dfs.core.usgovcloudapi.net"],
    vault: ["privatelink.vaultcore.usgovcloudapi.net"],
    registry: ["privatelink.azurecr.us"],
  },
};

/**
 * Per-region zones per group id per cloud, as private-endpoint-dns's zone table writes them: registry
 * "privatelink.azurecr.io </br> {regionName}.data.privatelink.azurecr.io" (Commercial), "privatelink.azurecr.us
 * </br> {regionName}.privatelink.azurecr.us" (Government); China's table lists none. A private DNS zone answers
 * every name under it, so where a VNet resolves through such a zone, the registry's data endpoint of that
 * region resolves only when the endpoint's records are written there too.
 */
export const regionalPrivateDnsZones: Readonly<
  Record<AzureCloud, Readonly<Partial<Record<GroupId, readonly string[]>>>>
> = {
  AzureCloud: { registry: ["{regionName}.data.privatelink.azurecr.io"] },
  AzureChinaCloud: {},
  AzureUSGovernment: { registry: ["{regionName}.privatelink.azurecr.us"] },
};

const regionPlaceholder = "{regionName}";

/** The per-region zone names of `groupId` for a resource in `region` (a programmatic or display name). */
export function regionalZonesFor(cloud: AzureCloud, groupId: GroupId, region: string): string[] {
  return (regionalPrivateDnsZones[cloud][groupId] ?? []).map((zone) =>
    zone.replace(regionPlaceholder, normalizeLocation(region)),
  );
}

/** Which cloud, group id and region a per-region zone name (`westeurope.data.privatelink.azurecr.io`) is of. */
export function classifyRegionalZone(
  zoneName: string,
): { cloud: AzureCloud; groupId: GroupId; region: string } | undefined {
  const name = zoneName.toLowerCase().replace(/\.$/, "");
  for (const cloud of allClouds)
    for (const [groupId, zones] of Object.entries(regionalPrivateDnsZones[cloud]))
      for (const zone of zones ?? []) {
        const suffix = zone.slice(regionPlaceholder.length);
        const region = name.slice(0, name.length - suffix.length);
        if (name.endsWith(suffix) && regions[cloud].includes(region))
          return { cloud, groupId: groupId as GroupId, region };
      }
  return undefined;
}

/** The zone names an endpoint of `groupId` must write its records into in `cloud`. */
export function zonesFor(cloud: AzureCloud, groupId: GroupId): readonly string[] {
  return privateDnsZones[cloud][groupId];
}

/** A zone group holds at most this many zone configs (ARM limit). */
export const maxZoneConfigsPerGroup = 5;

/**
 * Which cloud and group id a private DNS zone name belongs to, if it is one of ours. The policy pack uses
 * it to understand zones declared by any program.
 */
export function classifyZone(zoneName: string): { cloud: AzureCloud; groupId: GroupId } | undefined {
  const name = zoneName.toLowerCase().replace(/\.$/, "");
  for (const cloud of allClouds) {
    for (const [groupId, zones] of Object.entries(privateDnsZones[cloud])) {
      if (zones.includes(name)) return { cloud, groupId: groupId as GroupId };
    }
  }
  return undefined;
}
