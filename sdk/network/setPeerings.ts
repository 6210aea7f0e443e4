/**
 * A set's peerings: the VNets its VNet peers with besides (or instead of) its hub, by a stable key the user
 * chooses, e.g. a clients spoke peered with the workspace's spoke, or a spoke peered with the hubs of two
 * regions. Each entry peers like the hub does (vnetPeering.ts), its children named from the set and the key.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ArmTypes } from "../../policy/azure/armId";
import { armId, cidr, listOf, oneOf } from "../validation/argKinds";
import { decidesResources, type ArgSchema } from "../validation/argSchema";
import { memberPath } from "../validation/argProblem";
import { HubPeerings } from "./networkModes";

/** One VNet a set's VNet is peered with. */
export interface VnetPeeringArgs {
  /** ARM id of the VNet to peer with (another spoke, the hub of another region...). */
  remoteVirtualNetworkId: pulumi.Input<string>;
  /**
   * The remote VNet's address prefixes (plain values), to refuse at preview a peering Azure would refuse for
   * overlapping ranges. When the remote VNet is built in this program its address space is read from it instead.
   */
  remoteAddressSpace?: pulumi.Input<string>[];
  /** BothWays (default) or ThisSideOnly when the remote VNet belongs to another team: see {@link HubPeerings}. */
  peering?: pulumi.Input<HubPeerings>;
}

/** Each field's kind; those that decide which resources exist, or are checked before registration, plain. */
export const vnetPeeringSchema: ArgSchema<VnetPeeringArgs> = {
  remoteVirtualNetworkId: { kind: armId(ArmTypes.virtualNetwork), required: true },
  remoteAddressSpace: {
    kind: listOf(cidr, 1),
    plain:
      "remoteAddressSpace is checked against addressSpace before anything is registered, so it must be plain values",
  },
  peering: { kind: oneOf(Object.values(HubPeerings), "a peering mode"), plain: decidesResources("peering") },
};

/** A peering as plain values: the remote id "" when not known at plan time. */
export interface PeeringLayout {
  remoteVirtualNetworkId: string;
  remoteAddressSpace?: readonly string[];
  peering?: string;
}

/** The argument path of a peering's field, e.g. `peerings.clients.remoteAddressSpace`. */
export function peeringPath(key: string, field?: keyof VnetPeeringArgs): string {
  const entry = memberPath("peerings", key);
  return field === undefined ? entry : `${entry}.${field}`;
}

/** The peerings as plain values (the schema has refused Outputs where plain values are needed). */
export function peeringLayouts(
  peerings: Readonly<Record<string, VnetPeeringArgs>> | undefined,
): Record<string, PeeringLayout> | undefined {
  if (peerings === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(peerings).map(([key, p]) => [
      key,
      {
        remoteVirtualNetworkId: typeof p.remoteVirtualNetworkId === "string" ? p.remoteVirtualNetworkId : "",
        remoteAddressSpace: p.remoteAddressSpace as string[] | undefined,
        peering: p.peering as string | undefined,
      },
    ]),
  );
}
