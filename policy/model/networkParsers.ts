/** Reads VNets (with inline subnets), subnets and private endpoints from resource views. */
import { targetKindsOf } from "./groupTargets";
import { dnsServersOf, nicAddresses } from "./networkGraphParsers";
import type { ResourceIndex } from "./resourceIndex";
import { routeTableOf } from "./routeParsers";
import type { ResourceView } from "./resourceView";
import type { EndpointConnection, NetworkInterface, PrivateEndpoint, Subnet, VirtualNetwork } from "./types";
import { at, bool, isUnknown, list, str, strings, unknown, type Maybe } from "./values";

export function parseVirtualNetwork(view: ResourceView, index: ResourceIndex): VirtualNetwork {
  return {
    ...index.entity(view),
    location: str(view.inputs, "location"),
    addressPrefixes: strings(view.inputs, "addressSpace", "addressPrefixes"),
    ...dnsServersOf(view),
  };
}

/**
 * A VNet's inline `subnets`, registered in the index so endpoints can find them by id. They are reported
 * on the VNet's URN.
 */
export function parseInlineSubnets(view: ResourceView, index: ResourceIndex): Subnet[] {
  const subnets = list(view.inputs, "subnets");
  if (subnets === undefined || isUnknown(subnets)) return [];
  return subnets.map((subnet, position) => {
    const name = str(subnet, "name");
    const key = `${view.urn}/subnets/${typeof name === "string" ? name : `#${position}`}`;
    const label = `subnet '${typeof name === "string" ? name : position}' of ${index.label(view.urn)}`;
    index.add(key, "subnet", label);
    index.addIdentity(
      index.identityOf("Microsoft.Network/virtualNetworks/subnets", view.resourceGroup, [
        view.armNames[0],
        name,
      ]),
      key,
    );
    return {
      key,
      urn: view.urn,
      label,
      vnet: view.urn,
      token: view.type,
      addressPrefixes: subnetPrefixes(subnet),
      privateEndpointNetworkPolicies: str(subnet, "privateEndpointNetworkPolicies"),
      defaultOutboundAccess: outboundAccess(subnet),
      serviceEndpoints: serviceEndpointsOf(subnet),
      routeTable: routeTableOf(view, index, subnet, "subnets"),
    };
  });
}

/** `defaultOutboundAccess`, flattened (azure-native) or in the ARM `properties` of a generic VNet's subnet. */
function outboundAccess(subnet: unknown): Maybe<boolean> {
  return bool(subnet, "defaultOutboundAccess") ?? bool(subnet, "properties", "defaultOutboundAccess");
}

/** The services of a subnet's `serviceEndpoints`, flattened or in a generic subnet's ARM `properties`. */
function serviceEndpointsOf(subnet: unknown): Maybe<string[]> {
  const entries = list(subnet, "serviceEndpoints") ?? list(subnet, "properties", "serviceEndpoints");
  if (entries === undefined || isUnknown(entries)) return entries;
  const services = entries.map((e) => str(e, "service"));
  return services.some(isUnknown) ? unknown : services.filter((s) => typeof s === "string");
}

export function parseSubnet(view: ResourceView, index: ResourceIndex): Subnet {
  return {
    ...index.entity(view),
    vnet: index.byName(view, "virtualNetworkName", "virtualNetwork", view.resourceGroup, [view.armNames[0]]),
    addressPrefixes: subnetPrefixes(view.inputs),
    privateEndpointNetworkPolicies: str(view.inputs, "privateEndpointNetworkPolicies"),
    defaultOutboundAccess: outboundAccess(view.inputs),
    serviceEndpoints: serviceEndpointsOf(view.inputs),
    routeTable: routeTableOf(view, index, view.inputs, "routeTable"),
  };
}

/** A NIC has a public IP when any IP configuration names one (known or not yet: its presence is known). */
export function parseNetworkInterface(view: ResourceView, index: ResourceIndex): NetworkInterface {
  const configs = list(view.inputs, "ipConfigurations");
  const publicIps = isUnknown(configs)
    ? [unknown]
    : (configs ?? []).map((c) => at(c, "publicIPAddress") ?? at(c, "properties", "publicIPAddress"));
  return {
    ...index.entity(view),
    hasPublicIp: publicIps.some((ip) => ip !== undefined && !isUnknown(ip))
      ? true
      : publicIps.some(isUnknown)
        ? unknown
        : false,
    ...nicAddresses(view, index),
    vnet: undefined,
  };
}

/** `addressPrefix` or `addressPrefixes`, whichever the subnet uses. */
function subnetPrefixes(subnet: unknown): Maybe<string[]> {
  const single = str(subnet, "addressPrefix");
  if (isUnknown(single)) return unknown;
  if (typeof single === "string") return [single];
  return strings(subnet, "addressPrefixes");
}

export function parseEndpoint(view: ResourceView, index: ResourceIndex): PrivateEndpoint {
  return {
    ...index.entity(view),
    location: str(view.inputs, "location"),
    subnet: index.byId(view, "subnet", str(view.inputs, "subnet", "id"), ["subnet", "virtualNetwork"]),
    vnet: undefined,
    ips: endpointIps(view.inputs),
    connections: [
      ...connections(view, index, "privateLinkServiceConnections"),
      ...connections(view, index, "manualPrivateLinkServiceConnections"),
    ],
  };
}

/** The private IPs Azure registered for the endpoint (`customDnsConfigs`, an output). */
function endpointIps(inputs: unknown): Maybe<string[]> {
  const configs = list(inputs, "customDnsConfigs");
  if (configs === undefined || isUnknown(configs)) return configs;
  const ips = configs.map((c) => strings(c, "ipAddresses"));
  if (ips.some(isUnknown)) return unknown;
  return ips.flatMap((list) => (Array.isArray(list) ? list : []));
}

function connections(view: ResourceView, index: ResourceIndex, input: string): EndpointConnection[] {
  const entries = list(view.inputs, input);
  if (entries === undefined) return [];
  const manual = input === "manualPrivateLinkServiceConnections";
  if (isUnknown(entries)) return [{ target: unknown, targetKind: undefined, groupIds: unknown, manual }];
  return entries.map((entry) => {
    const groupIds = strings(entry, "groupIds");
    const target = index.byId(view, input, str(entry, "privateLinkServiceId"), targetKindsOf(groupIds));
    return {
      target,
      targetKind: typeof target === "string" ? index.kindOf(target) : undefined,
      groupIds: isUnknown(at(entry, "groupIds")) ? unknown : groupIds,
      manual,
      status:
        view.armId === undefined
          ? undefined
          : (str(entry, "privateLinkServiceConnectionState", "status") ??
            str(entry, "properties", "privateLinkServiceConnectionState", "status")),
    };
  });
}
