/** The VNet and subnet an endpoint set puts its endpoints in: created from a CIDR, or an existing subnet. */
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { parentArmId, parseArmId } from "../../policy/azure/armId";
import type { Tags } from "../validation/tags";
import { SubnetOutbounds } from "./networkModes";

/** Where the endpoints go. */
export interface EndpointNetwork {
  virtualNetworkId: pulumi.Output<string>;
  virtualNetworkName: pulumi.Output<string>;
  /** Resource group of the VNet (for its side of a peering). */
  resourceGroupName: pulumi.Output<string>;
  subnetId: pulumi.Output<string>;
}

/** What a new endpoint VNet needs. */
export interface NewEndpointNetworkArgs {
  resourceGroupName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  addressSpace: string[];
  endpointSubnetPrefix: string;
  /** DNS servers of the VNet; Azure-provided DNS when undefined. */
  dnsServers?: pulumi.Input<string>[];
  /** The subnet's egress (see {@link SubnetOutbounds}). */
  outbound: SubnetOutbounds;
  /** With outbound Firewall: the default route's next hop. */
  firewallPrivateIp?: pulumi.Input<string>;
  tags?: Tags;
  /** Explicit Azure names (`<prefix>-vnet`, `<prefix>-endpoints`); Pulumi's auto-names when undefined. */
  azureNamePrefix?: string;
}

/** The subnet's egress resources and settings; none (and the input left unset) for Azure's default outbound. */
function subnetEgress(
  name: string,
  args: NewEndpointNetworkArgs,
  parent: pulumi.Resource,
): Partial<network.SubnetArgs> {
  if (args.outbound === SubnetOutbounds.Default) return {};
  const placement = { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags };
  if (args.outbound === SubnetOutbounds.NatGateway) {
    const ip = new network.PublicIPAddress(
      `${name}-nat-ip`,
      {
        ...placement,
        sku: { name: network.PublicIPAddressSkuName.Standard },
        publicIPAllocationMethod: network.IPAllocationMethod.Static,
      },
      { parent, ...replaceOnChangesOf("publicIpAddress") },
    );
    const nat = new network.NatGateway(
      `${name}-nat`,
      { ...placement, sku: { name: network.NatGatewaySkuName.Standard }, publicIpAddresses: [{ id: ip.id }] },
      { parent },
    );
    return { defaultOutboundAccess: false, natGateway: { id: nat.id } };
  }
  if (args.outbound === SubnetOutbounds.Firewall) {
    const routes = new network.RouteTable(
      `${name}-routes`,
      {
        ...placement,
        routes: [
          {
            name: "default-to-firewall",
            addressPrefix: "0.0.0.0/0",
            nextHopType: network.RouteNextHopType.VirtualAppliance,
            nextHopIpAddress: args.firewallPrivateIp,
          },
        ],
      },
      { parent },
    );
    return { defaultOutboundAccess: false, routeTable: { id: routes.id } };
  }
  // Private endpoints need no outbound access.
  return { defaultOutboundAccess: false };
}

/**
 * A new VNet with one subnet for private endpoints. The subnet is its own resource (not inline) so that
 * callers can add subnets (compute, AKS) to the VNet without the VNet removing them on update.
 */
export function createEndpointNetwork(
  name: string,
  args: NewEndpointNetworkArgs,
  parent: pulumi.Resource,
): EndpointNetwork {
  const prefix = args.azureNamePrefix;
  const vnet = new network.VirtualNetwork(
    `${name}-vnet`,
    {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      addressSpace: { addressPrefixes: args.addressSpace },
      // Only set when given, so existing VNets keep exactly the inputs they were deployed with.
      ...(args.dnsServers ? { dhcpOptions: { dnsServers: args.dnsServers } } : {}),
      ...(args.tags ? { tags: args.tags } : {}),
      ...(prefix ? { virtualNetworkName: `${prefix}-vnet` } : {}),
    },
    { parent },
  );
  const subnet = new network.Subnet(
    `${name}-endpoints`,
    {
      resourceGroupName: args.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefix: args.endpointSubnetPrefix,
      // NSGs and route tables would otherwise apply to the endpoints' traffic (and older API versions refuse endpoints).
      privateEndpointNetworkPolicies: network.VirtualNetworkPrivateEndpointNetworkPolicies.Disabled,
      ...subnetEgress(name, args, parent),
      ...(prefix ? { subnetName: `${prefix}-endpoints` } : {}),
    },
    { parent },
  );
  return {
    virtualNetworkId: vnet.id,
    virtualNetworkName: vnet.name,
    resourceGroupName: pulumi.output(args.resourceGroupName),
    subnetId: subnet.id,
  };
}

/** The VNet of an existing subnet, read from its id. */
export function existingEndpointNetwork(subnetId: pulumi.Input<string>): EndpointNetwork {
  const id = pulumi.output(subnetId);
  const vnetId = id.apply((s) => parentArmId(s) ?? "");
  return {
    subnetId: id,
    virtualNetworkId: vnetId,
    virtualNetworkName: vnetId.apply((v) => parseArmId(v)?.name ?? ""),
    resourceGroupName: vnetId.apply((v) => parseArmId(v)?.resourceGroup ?? ""),
  };
}
