/**
 * The peering of a set's VNet with another VNet (its hub, or any of `peerings`): this side always, the remote
 * side unless another team owns it. Both sides are named from the set's name and the peering's stable key.
 */
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { parseArmId } from "../../policy/azure/armId";
import type { EndpointNetwork } from "./endpointNetwork";
import { HubPeerings } from "./networkModes";

/**
 * Traffic flows only when both sides exist with virtual network access allowed (virtual-network-manage-peering).
 * Forwarded traffic is allowed so a hub firewall's routes can carry it.
 */
const peeringSettings = { allowVirtualNetworkAccess: true, allowForwardedTraffic: true };

/** One peering of a set's VNet. */
export interface VnetPeering {
  /** Names the children `<set>-to-<key>` and `<set>-from-<key>` ("hub" for the single-hub arguments). */
  key: string;
  remoteVirtualNetworkId: pulumi.Input<string>;
  mode: HubPeerings;
  /** The argument that chose one side only, for the warning (`hubPeering`, `peerings.<key>.peering`). */
  modeArgument: string;
  /** What the remote VNet is called in the warning: "hub", or "remote" for a peering of `peerings`. */
  remoteNoun: string;
}

export function peerVnets(
  name: string,
  net: EndpointNetwork,
  peering: VnetPeering,
  parent: pulumi.Resource,
): void {
  const remoteId = pulumi.output(peering.remoteVirtualNetworkId);
  const thisSide = new network.VirtualNetworkPeering(
    `${name}-to-${peering.key}`,
    {
      resourceGroupName: net.resourceGroupName,
      virtualNetworkName: net.virtualNetworkName,
      remoteVirtualNetwork: { id: remoteId },
      ...peeringSettings,
    },
    { parent, ...replaceOnChangesOf("virtualNetworkPeering") },
  );
  if (peering.mode === HubPeerings.ThisSideOnly) {
    // The plan and the preview say which side is missing: the remote VNet's owner must create it.
    pulumi.log.warn(
      `peering ${name}-to-${peering.key} is one side only (${peering.modeArgument} ThisSideOnly): traffic flows once the ${peering.remoteNoun}'s owner peers the ${peering.remoteNoun} VNet back to this VNet`,
      parent,
    );
    return;
  }
  const remote = remoteId.apply((id) => parseArmId(id));
  new network.VirtualNetworkPeering(
    `${name}-from-${peering.key}`,
    {
      resourceGroupName: remote.apply((r) => r?.resourceGroup ?? ""),
      virtualNetworkName: remote.apply((r) => r?.name ?? ""),
      remoteVirtualNetwork: { id: net.virtualNetworkId },
      ...peeringSettings,
    },
    // After this side, so the remote side completes the peering (both Connected) in a fixed order.
    { parent, dependsOn: [thisSide], ...replaceOnChangesOf("virtualNetworkPeering") },
  );
}
