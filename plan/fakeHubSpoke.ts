/**
 * The fake Azure's answers for hub-and-spoke resources: the ARM ids of peerings, DNS resolvers and their
 * inbound endpoints, NAT gateways, public IPs and route tables; the private IP Azure gives a resolver's inbound
 * endpoint (the next free address of its subnet, in `ipConfigurations[].privateIpAddress` as the
 * Microsoft.Network/dnsResolvers 2022-07-01 spec returns it); and a peering's `peeringState`: Initiated until
 * the remote VNet peers back, then Connected on both sides (virtual-network-manage-peering).
 */
import { armIdKey, parseArmId } from "../policy/azure/armId";
import type { IdShape } from "./fakeAzure";

const peeringShape: IdShape = {
  provider: "Microsoft.Network",
  segments: [
    ["virtualNetworks", "virtualNetworkName"],
    ["virtualNetworkPeerings", "virtualNetworkPeeringName"],
  ],
};

export const hubSpokeIdShapes: Record<string, IdShape> = {
  "network:VirtualNetworkPeering": peeringShape,
  "network:NatGateway": { provider: "Microsoft.Network", segments: [["natGateways", "natGatewayName"]] },
  "network:PublicIPAddress": {
    provider: "Microsoft.Network",
    segments: [["publicIPAddresses", "publicIpAddressName"]],
  },
  "network:RouteTable": { provider: "Microsoft.Network", segments: [["routeTables", "routeTableName"]] },
  "dnsresolver:DnsResolver": {
    provider: "Microsoft.Network",
    segments: [["dnsResolvers", "dnsResolverName"]],
  },
  "dnsresolver:InboundEndpoint": {
    provider: "Microsoft.Network",
    segments: [
      ["dnsResolvers", "dnsResolverName"],
      ["inboundEndpoints", "inboundEndpointName"],
    ],
  },
};

/** What the outputs need from the fake: the next free address of a subnet, and the live resources. */
export interface HubSpokeFakeState {
  nextAddress(subnetId: string): string | undefined;
  live: Map<string, Record<string, unknown>>;
}

/** The VNet id a peering is configured on, from its own id. */
function peeringVnet(id: string): string {
  // Live ids are stored lower-cased (armIdKey).
  return id.split(/\/virtualNetworkPeerings\//i)[0];
}

/** Computed outputs of the hub-and-spoke resources, added to `state`. */
export function addHubSpokeOutputs(
  key: string,
  id: string,
  inputs: Record<string, unknown>,
  state: Record<string, unknown>,
  fake: HubSpokeFakeState,
): void {
  if (key === "dnsresolver:InboundEndpoint") {
    const configs = (inputs.ipConfigurations as { subnet?: { id?: string } }[] | undefined) ?? [];
    state.ipConfigurations = configs.map((c) => ({
      ...c,
      privateIpAllocationMethod: "Dynamic",
      privateIpAddress: c.subnet?.id ? fake.nextAddress(c.subnet.id) : undefined,
    }));
  }
  if (key === "network:VirtualNetworkPeering") {
    const own = armIdKey(peeringVnet(id));
    const remote = (inputs.remoteVirtualNetwork as { id?: string } | undefined)?.id;
    const back = [...fake.live.entries()].find(
      ([liveId, s]) =>
        parseArmId(liveId)?.type.toLowerCase() ===
          "microsoft.network/virtualnetworks/virtualnetworkpeerings" &&
        remote !== undefined &&
        armIdKey(peeringVnet(liveId)) === armIdKey(remote) &&
        armIdKey((s.remoteVirtualNetwork as { id?: string } | undefined)?.id ?? "") === own,
    );
    state.peeringState = back ? "Connected" : "Initiated";
    if (back) back[1].peeringState = "Connected";
  }
}
