/**
 * A set's `platformHub`: the hub another team runs, described as the `platform-network` policy describes it
 * (policy/model/platformNetwork.ts). It stands for the loose `hubVirtualNetworkId`, `hubAddressSpace`,
 * `dnsServers` and `existingZoneIds` (which stay accepted; given beside it they must agree with it), makes the
 * set write into the platform's zones (dnsMode ExistingZones) and peer this side only (the hub's side is the
 * platform's).
 */
import { ArmTypes } from "../../policy/azure/armId";
import { PlatformDnsKinds, type PlatformHub } from "../../policy/model/platformNetwork";
import { DnsModes } from "../dns/dnsModes";
import { armId, cidr, freeText, ipv4Address, listOf, oneOf } from "../validation/argKinds";
import { objectOf, type ArgSchema } from "../validation/argSchema";
import type { EndpointSetLayoutArgs } from "../endpoints/endpointSetArgs";
import { HubPeerings } from "./networkModes";

export type { PlatformHub };

const dnsServerSchema: ArgSchema<NonNullable<PlatformHub["dnsServers"]>[number]> = {
  ip: { kind: ipv4Address, required: true },
  kind: { kind: oneOf(Object.values(PlatformDnsKinds), "a platform DNS server kind"), required: true },
  forwardsTo: { kind: listOf(ipv4Address) },
};

/** Each field's kind, as the policy's config schema states it. */
export const platformHubSchema: ArgSchema<PlatformHub> = {
  name: { kind: freeText("a name for messages, e.g. contoso-hub-weu", 80), required: true },
  virtualNetworkId: { kind: armId(ArmTypes.virtualNetwork), required: true },
  addressSpace: { kind: listOf(cidr, 1), required: true },
  dnsServers: { kind: listOf(objectOf(dnsServerSchema, "a DNS server of the hub: { ip, kind }")) },
  firewalls: { kind: listOf(objectOf({ ip: { kind: ipv4Address, required: true } }, "a firewall: { ip }")) },
  privateDnsZoneIds: { kind: listOf(armId(ArmTypes.privateDnsZone)) },
};

/** The zone ids of the hub by zone name (the id's last segment). */
export function platformZoneIds(hub: PlatformHub): Record<string, string> {
  return Object.fromEntries(
    (hub.privateDnsZoneIds ?? []).map((id) => [id.trim().split("/").pop()!.toLowerCase(), id]),
  );
}

/**
 * The set's arguments with what `platformHub` stands for filled in where not given: the hub's id and range, its
 * DNS servers, its zones (dnsMode ExistingZones) and a one-sided peering.
 */
export function withPlatformHub<A extends EndpointSetLayoutArgs>(args: A): A {
  const hub = args.platformHub;
  if (hub === undefined) return args;
  const servers = (hub.dnsServers ?? []).map((s) => s.ip);
  const dnsMode = args.dnsMode ?? DnsModes.ExistingZones;
  return {
    ...args,
    hubVirtualNetworkId: args.hubVirtualNetworkId ?? hub.virtualNetworkId,
    hubAddressSpace: args.hubAddressSpace ?? hub.addressSpace,
    hubPeering: args.hubPeering ?? HubPeerings.ThisSideOnly,
    // Only a VNet the set creates takes DNS servers; an existing one's are its owner's. With its own zones the VNet
    // resolves through its links (Azure DNS), which the hub's servers would bypass.
    dnsServers:
      args.dnsServers ??
      (args.addressSpace !== undefined && servers.length > 0 && dnsMode !== DnsModes.OwnZones
        ? servers
        : undefined),
    dnsMode,
    // The hub's zones are written into only with ExistingZones; other modes take no zone ids.
    existingZoneIds:
      args.existingZoneIds ?? (dnsMode === DnsModes.ExistingZones ? platformZoneIds(hub) : undefined),
  };
}
