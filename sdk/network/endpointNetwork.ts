/** The VNet and subnet an endpoint set puts its endpoints in: created from a CIDR, or an existing subnet. */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { parentArmId, parseArmId } from "../../policy/azure/armId";

/** Where the endpoints go. */
export interface EndpointNetwork {
  virtualNetworkId: pulumi.Output<string>;
  virtualNetworkName: pulumi.Output<string>;
  subnetId: pulumi.Output<string>;
}

/** What a new endpoint VNet needs. */
export interface NewEndpointNetworkArgs {
  resourceGroupName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  addressSpace: string[];
  endpointSubnetPrefix: string;
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
  const vnet = new network.VirtualNetwork(
    `${name}-vnet`,
    {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      addressSpace: { addressPrefixes: args.addressSpace },
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
    },
    { parent },
  );
  return { virtualNetworkId: vnet.id, virtualNetworkName: vnet.name, subnetId: subnet.id };
}

/** The VNet of an existing subnet, read from its id. */
export function existingEndpointNetwork(subnetId: pulumi.Input<string>): EndpointNetwork {
  const id = pulumi.output(subnetId);
  const vnetId = id.apply((s) => parentArmId(s) ?? "");
  return {
    subnetId: id,
    virtualNetworkId: vnetId,
    virtualNetworkName: vnetId.apply((v) => parseArmId(v)?.name ?? ""),
  };
}
