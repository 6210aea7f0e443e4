/**
 * Reads user-defined routes and the subnets they apply to: a route table's inline `routes` (also what a
 * table read back from Azure lists, with its `subnets`), a Route resource of its own, and the classic
 * provider's SubnetRouteTableAssociation. A subnet's own `routeTable` is read with the subnet.
 */
import type { ResourceIndex } from "./resourceIndex";
import type { ResourceView } from "./resourceView";
import type { FirewallNetworkRule, Key, Route, RouteTableAssociation } from "./types";
import { isUnknown, list, str, strings, type Maybe } from "./values";

/** A route's fields, flattened (azure-native) or in the ARM `properties` of a generic or read-back one. */
function routeFields(route: unknown): Pick<Route, "addressPrefix" | "nextHopType" | "nextHopIpAddress"> {
  const field = (name: string) => str(route, name) ?? str(route, "properties", name);
  return {
    addressPrefix: field("addressPrefix"),
    nextHopType: field("nextHopType"),
    nextHopIpAddress: field("nextHopIpAddress"),
  };
}

export function parseRoute(view: ResourceView, index: ResourceIndex): Route {
  return {
    ...index.entity(view),
    table: index.byName(view, "routeTableName", "routeTable", view.resourceGroup, [view.armNames[0]]),
    ...routeFields(view.inputs),
    nextHopSources: view.dependencies("nextHopIpAddress"),
  };
}

/** A route table's inline routes; unknown as a whole at preview, they are read at the update. */
export function parseInlineRoutes(view: ResourceView, index: ResourceIndex): Route[] {
  const routes = list(view.inputs, "routes");
  if (routes === undefined || isUnknown(routes)) return [];
  return routes.map((route, position) => {
    const name = str(route, "name");
    const shown = typeof name === "string" ? name : `#${position}`;
    return {
      key: `${view.urn}/routes/${shown}`,
      urn: view.urn,
      label: `route '${shown}' of ${index.label(view.urn)}`,
      token: view.type,
      table: view.urn,
      ...routeFields(route),
      nextHopSources: view.dependencies("routes"),
    };
  });
}

/** The subnets a table read back from Azure lists (an output naming every associated subnet by id). */
export function parseTableSubnets(view: ResourceView, index: ResourceIndex): RouteTableAssociation[] {
  const subnets = list(view.inputs, "subnets");
  if (subnets === undefined || isUnknown(subnets)) return [];
  return subnets.map((subnet) => ({
    subnet: index.byId(view, "subnets", str(subnet, "id"), ["subnet", "virtualNetwork"]),
    table: view.urn,
  }));
}

export function parseRouteTableAssociation(view: ResourceView, index: ResourceIndex): RouteTableAssociation {
  return {
    subnet: index.byId(view, "subnet", str(view.inputs, "subnet", "id"), ["subnet", "virtualNetwork"]),
    table: routeTableOf(view, index, view.inputs, "routeTable"),
  };
}

/** The route table an object's `routeTable.id` names (a subnet, inline or not). */
export function routeTableOf(
  view: ResourceView,
  index: ResourceIndex,
  holder: unknown,
  input: string,
): Maybe<Key> {
  const id = str(holder, "routeTable", "id") ?? str(holder, "properties", "routeTable", "id");
  return index.byId(view, input, id, ["routeTable"]);
}

/**
 * The network rules of a rule collection group's filter collections whose action is Allow (application rules
 * match names, which the pack does not resolve against prefixes).
 */
export function parseFirewallNetworkRules(view: ResourceView, index: ResourceIndex): FirewallNetworkRule[] {
  const policy = index.byName(view, "firewallPolicyName", "firewallPolicy", view.resourceGroup, [
    view.armNames[0],
  ]);
  const collections = list(view.inputs, "ruleCollections");
  if (collections === undefined || isUnknown(collections)) return [];
  return collections.flatMap((collection) => {
    const action = str(collection, "action", "type");
    const rules = list(collection, "rules");
    if (typeof action !== "string" || action.toLowerCase() !== "allow" || !Array.isArray(rules)) return [];
    return rules
      .filter((rule) => str(rule, "ruleType") === "NetworkRule")
      .map((rule) => ({
        ...index.entity(view),
        key: `${view.urn}/${String(str(collection, "name"))}/${String(str(rule, "name"))}`,
        label: `network rule '${String(str(rule, "name"))}' of collection '${String(str(collection, "name"))}' in ${index.label(view.urn)}`,
        policy,
        sources: strings(rule, "sourceAddresses"),
        destinations: strings(rule, "destinationAddresses"),
      }));
  });
}
