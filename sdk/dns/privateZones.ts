/**
 * The private DNS zones an endpoint set's zone groups write to: its own zone instances (own resource group,
 * linked only to its VNet), or existing ones such as a hub's.
 */
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as pulumi from "@pulumi/pulumi";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as resources from "@pulumi/azure-native/resources";
import { parseArmId } from "../../policy/azure/armId";
import { isAzureCloud } from "../../policy/azure/clouds";
import type { Tags } from "../validation/tags";
import { adoptedZoneKey, zoneNameFor } from "./zoneKeys";

/** A zone as the zone groups see it. */
export interface ZoneRef {
  id: pulumi.Output<string>;
  name: pulumi.Output<string>;
}

/** Zones by zone key (`api`, `notebooks`, `blob`, ...). */
export type ZonesByKey = Record<string, ZoneRef>;

export interface OwnZonesArgs {
  zoneKeys: readonly string[];
  cloud: pulumi.Output<string>;
  /** Region of the zones' resource group (the zones themselves are global). */
  location: pulumi.Input<string>;
  virtualNetworkId: pulumi.Input<string>;
  tags?: Tags;
}

/**
 * A resource group holding one zone per key, each linked to the VNet only. A group of its own because a
 * resource group cannot hold two zones of one name, and another set's zones of the same names must exist.
 * No group without zones (a set of no endpoints, `endpoints: []`): it would stay empty.
 */
export function createPrivateZones(name: string, args: OwnZonesArgs, parent: pulumi.Resource): ZonesByKey {
  if (args.zoneKeys.length === 0) return {};
  // Tags only when given, so existing resources keep exactly the inputs they were deployed with.
  const tags = args.tags ? { tags: args.tags } : {};
  const group = new resources.ResourceGroup(`${name}-dns`, { location: args.location, ...tags }, { parent });
  const zones: ZonesByKey = {};
  for (const key of args.zoneKeys) {
    const zone = new privatedns.PrivateZone(
      `${name}-zone-${key}`,
      {
        resourceGroupName: group.name,
        location: "global",
        ...tags,
        privateZoneName: args.cloud.apply((cloud) => {
          if (!isAzureCloud(cloud)) {
            throw new pulumi.ResourceError(
              `cloud ${cloud} is not AzureCloud, AzureChinaCloud or AzureUSGovernment`,
              parent,
            );
          }
          return zoneNameFor(cloud, key);
        }),
      },
      { parent },
    );
    new privatedns.VirtualNetworkLink(
      `${name}-link-${key}`,
      {
        resourceGroupName: group.name,
        privateZoneName: zone.name,
        location: "global",
        virtualNetwork: { id: args.virtualNetworkId },
        // Endpoint records come from zone groups; VM auto-registration would mix other names in.
        registrationEnabled: false,
        ...tags,
      },
      { parent, ...replaceOnChangesOf("virtualNetworkLink") },
    );
    zones[key] = { id: zone.id, name: zone.name };
  }
  return zones;
}

/**
 * Existing zone ids keyed by zone name, re-keyed by zone key (names already validated); a registry's regional
 * data zone by group id and region (`registry-westeurope`).
 */
export function existingZoneIdsByKey(ids: { [zoneName: string]: pulumi.Input<string> }): ZonesByKey {
  return Object.fromEntries(
    Object.entries(ids).flatMap(([zoneName, id]) => {
      const key = adoptedZoneKey(zoneName);
      return key ? [[key, { id: pulumi.output(id), name: pulumi.output(zoneName.toLowerCase()) }]] : [];
    }),
  );
}

/**
 * Links from a VNet to existing zones (a central DNS hub's), created in each zone's resource group, named by
 * zone key so adding a zone renames nothing.
 */
export function linkExistingZones(
  name: string,
  zones: ZonesByKey,
  ids: { [zoneName: string]: pulumi.Input<string> },
  virtualNetworkId: pulumi.Input<string>,
  tags: Tags | undefined,
  parent: pulumi.Resource,
): void {
  for (const [zoneName, id] of Object.entries(ids)) {
    const key = adoptedZoneKey(zoneName);
    if (!key || !zones[key]) continue;
    const zone = pulumi.output(id).apply((z) => parseArmId(z));
    new privatedns.VirtualNetworkLink(
      `${name}-zonelink-${key}`,
      {
        resourceGroupName: zone.apply((z) => z?.resourceGroup ?? ""),
        privateZoneName: zone.apply((z) => z?.name ?? ""),
        location: "global",
        virtualNetwork: { id: virtualNetworkId },
        registrationEnabled: false,
        ...(tags ? { tags } : {}),
      },
      { parent, ...replaceOnChangesOf("virtualNetworkLink") },
    );
  }
}
