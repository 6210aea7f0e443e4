/** The peering of a set's VNet with a hub VNet: this side always, the hub's side unless another team owns it. */
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

export function peerWithHub(
  name: string,
  net: EndpointNetwork,
  hubVirtualNetworkId: pulumi.Input<string>,
  mode: HubPeerings,
  parent: pulumi.Resource,
): void {
  const hubId = pulumi.output(hubVirtualNetworkId);
  const thisSide = new network.VirtualNetworkPeering(
    `${name}-to-hub`,
    {
      resourceGroupName: net.resourceGroupName,
      virtualNetworkName: net.virtualNetworkName,
      remoteVirtualNetwork: { id: hubId },
      ...peeringSettings,
    },
    { parent, ...replaceOnChangesOf("virtualNetworkPeering") },
  );
  if (mode === HubPeerings.ThisSideOnly) {
    // The plan and the preview say which side is missing: the hub's owner must create it.
    pulumi.log.warn(
      `peering ${name}-to-hub is one side only (hubPeering ThisSideOnly): traffic flows once the hub's owner peers the hub VNet back to this VNet`,
      parent,
    );
    return;
  }
  const hub = hubId.apply((id) => parseArmId(id));
  new network.VirtualNetworkPeering(
    `${name}-from-hub`,
    {
      resourceGroupName: hub.apply((h) => h?.resourceGroup ?? ""),
      virtualNetworkName: hub.apply((h) => h?.name ?? ""),
      remoteVirtualNetwork: { id: net.virtualNetworkId },
      ...peeringSettings,
    },
    // After this side, so the hub's side completes the peering (both Connected) in a fixed order.
    { parent, dependsOn: [thisSide], ...replaceOnChangesOf("virtualNetworkPeering") },
  );
}
