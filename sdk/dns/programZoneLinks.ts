/**
 * The VNets a program's {@link CentralPrivateDns} links to the zones it hands out (`zoneIdsByName()`), by zone id
 * Output. An endpoint set writing its records into those zones resolves them through such a link as well as
 * through its own (`linkExistingZones`): "the DNS zone must be linked to the virtual network", whoever links it.
 * Known only where the zone id is the Output the component handed out, and where the link's VNet id is that
 * literal id or an Output of the set's own VNet (a deferred output set later included).
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { armIdKey, parentArmId } from "../../policy/azure/armId";
import { resourcesOf } from "../network/programHub";

const linkedVnets = new WeakMap<object, readonly pulumi.Input<string>[]>();

/** Records that the program links `zoneId`'s zone to each of `vnetIds`. */
export function recordZoneLinks(
  zoneId: pulumi.Output<string>,
  vnetIds: readonly pulumi.Input<string>[],
): void {
  linkedVnets.set(zoneId, vnetIds);
}

/** Whether the program links the set's zones to its VNet: yes, not known until its VNet exists, or no. */
export type ProgramLinks = "linked" | "pending" | undefined;

/** The program's links of every zone in `zoneIds`, when each is one of a CentralPrivateDns's zones. */
function linksOfEvery(
  zoneIds: Readonly<Record<string, pulumi.Input<string>>> | undefined,
): (readonly pulumi.Input<string>[])[] | undefined {
  const ids = Object.values(zoneIds ?? {});
  const links = ids.map((id) => (typeof id === "object" ? linkedVnets.get(id) : undefined));
  return ids.length > 0 && links.every((l) => l !== undefined)
    ? (links as (readonly pulumi.Input<string>[])[])
    : undefined;
}

/**
 * Whether the program links every zone of `zoneIds` to the set's VNet: "linked" for an existing subnet whose
 * VNet id each zone's links name; "pending" for a VNet the set creates when each zone links a VNet given as an
 * Output (it may be the set's, known once the VNet exists: {@link linksSetVnet}).
 */
export function programLinksOf(
  zoneIds: Readonly<Record<string, pulumi.Input<string>>> | undefined,
  subnetId: pulumi.Input<string> | undefined,
): ProgramLinks {
  const links = linksOfEvery(zoneIds);
  if (!links) return undefined;
  if (subnetId !== undefined) {
    const vnet = typeof subnetId === "string" ? parentArmId(subnetId) : undefined;
    const named = (l: readonly pulumi.Input<string>[]) =>
      l.some((id) => typeof id === "string" && vnet !== undefined && armIdKey(id) === armIdKey(vnet));
    return links.every(named) ? "linked" : undefined;
  }
  return links.every((l) => l.some((id) => pulumi.Output.isInstance(id))) ? "pending" : undefined;
}

/** Whether each zone of `zoneIds` is linked by the program to the VNet `vnetId` comes from (a VNet the set creates). */
export function linksSetVnet(
  zoneIds: Readonly<Record<string, pulumi.Input<string>>> | undefined,
  vnetId: pulumi.Output<string>,
): pulumi.Output<boolean> {
  const links = linksOfEvery(zoneIds) ?? [];
  const vnetsOf = async (id: pulumi.Input<string>) =>
    pulumi.Output.isInstance(id)
      ? [...(await resourcesOf(id))].filter((r) => network.VirtualNetwork.isInstance(r))
      : [];
  return pulumi.output(
    (async () => {
      const own = await vnetsOf(vnetId);
      const linked = await Promise.all(links.map((l) => Promise.all(l.map(vnetsOf))));
      return (
        links.length > 0 && linked.every((zone) => zone.some((vnets) => vnets.some((v) => own.includes(v))))
      );
    })(),
  );
}
