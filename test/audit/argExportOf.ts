/**
 * An Azure Resource Graph export of what a program run left in the fake Azure: each resource's discovered
 * (read-back) form put back into ARM's GET shape (`properties` bag, sub-resources in lists with their own
 * bag) and ARG's columns (`type` and `resourceGroup` in lower case), split as an export is — the `resources`
 * table's rows in pages of `az graph query`, the rest (zone groups without `type`, computes, forwarding rules,
 * ruleset links) in one companion list.
 */
import { parentArmId, parseArmId } from "../../policy/azure/armId";
import { genericResourceToken, kindInfo, kindOfArmType } from "../../policy/model/kinds";
import { argTypes } from "../../plan/audit/argTypes";
import type { RecordedGraph } from "../../plan/mockRun";

/** ARG's columns (concepts/explore-resources.md); everything else of a flattened resource is a property. */
const columns = new Set([
  "id",
  "name",
  "type",
  "location",
  "tags",
  "sku",
  "kind",
  "identity",
  "zones",
  "etag",
]);
/** What stays beside a sub-resource's `properties` bag. */
const subResourceKeys = new Set(["id", "name", "type", "etag"]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

function armShape(value: unknown, inList: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => armShape(v, true));
  if (!isObject(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, armShape(v, false)] as const);
  if (!inList || "properties" in value) return Object.fromEntries(entries);
  const own = entries.filter(([k]) => subResourceKeys.has(k));
  const bag = entries.filter(([k]) => !subResourceKeys.has(k));
  return Object.fromEntries(bag.length ? [...own, ["properties", Object.fromEntries(bag)]] : own);
}

/** A generic resource's URL path inputs, which a GET does not return. */
const pathInputs = new Set([
  "resourceGroupName",
  "resourceProviderNamespace",
  "parentResourcePath",
  "resourceType",
  "resourceName",
  "apiVersion",
]);

/**
 * An ARM GET body as an ARG `resources` row: "type" in lower case, resourceGroup lower case, the other columns
 * empty ("kind and managedBy are "" ... sku, plan, identity, zones, extendedLocation are null").
 */
export function argRowOfGet(body: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseArmId(String(body.id))!;
  return {
    id: body.id,
    name: body.name,
    type: parsed.type.toLowerCase(),
    tenantId: "",
    kind: body.kind ?? "",
    location: body.location ?? "",
    resourceGroup: parsed.resourceGroup.toLowerCase(),
    subscriptionId: parsed.subscriptionId,
    managedBy: "",
    sku: body.sku ?? null,
    plan: null,
    properties: body.properties,
    tags: body.tags ?? {},
    identity: body.identity ?? null,
    zones: null,
    extendedLocation: null,
  };
}

/** One ARG row of a discovered resource's state (a generic resource keeps its ARM `properties` bag). */
export function argRowOf(state: Record<string, unknown>, generic = false): Record<string, unknown> {
  const parsed = parseArmId(String(state.id))!;
  const kind = kindOfArmType(parsed.type);
  const flattened = !generic && kind !== undefined && kindInfo[kind].flattened;
  const props = Object.fromEntries(
    Object.entries(state).filter(([k]) => !columns.has(k) && k !== "properties" && !pathInputs.has(k)),
  );
  const properties = flattened ? props : (state.properties ?? {});
  return argRowOfGet({
    ...state,
    id: String(state.id),
    name: state.name ?? parsed.name,
    properties: armShape(properties, false),
  });
}

/** Child resources ARG shows only inside their parent's row, by type: the parent's list. */
const childLists: Record<string, "subnets" | "virtualNetworkPeerings"> = {
  "microsoft.network/virtualnetworks/subnets": "subnets",
  "microsoft.network/virtualnetworks/virtualnetworkpeerings": "virtualNetworkPeerings",
};

export interface ArgExportFiles {
  /** `az graph query -o json` pages of the `resources` table. */
  pages: Record<string, unknown>[];
  /** The companion `az rest` lists, as one plain array (zone groups without `type`, as ARM returns them). */
  companions: Record<string, unknown>[];
}

/** The export of a discovered graph, in pages of `pageSize` rows. */
export function argExportOf(graph: RecordedGraph, pageSize = 1000): ArgExportFiles {
  const rows: Record<string, unknown>[] = [];
  const companions: Record<string, unknown>[] = [];
  // ARG has subnets and peerings only inline in their VNet, as a VNet's GET returns them.
  const inline = new Map<string, { subnets: unknown[]; virtualNetworkPeerings: unknown[] }>();
  const inlineOf = (vnetId: string) => {
    const key = vnetId.toLowerCase();
    if (!inline.has(key)) inline.set(key, { subnets: [], virtualNetworkPeerings: [] });
    return inline.get(key)!;
  };
  for (const r of graph.resources) {
    // Resource groups, role assignments and the like have no provider path the audit reads.
    if (!parseArmId(String(r.outputs.id))) continue;
    const row = argRowOf(r.outputs, genericResourceToken.test(r.type));
    const type = String(row.type);
    const child = childLists[type];
    if (child) {
      const { id, name, properties } = row;
      inlineOf(parentArmId(String(id))!)[child].push({ id, name, properties });
      continue;
    }
    if (!(type in argTypes)) continue;
    if (argTypes[type].source === "resources") rows.push(row);
    else {
      // az rest keeps ARM casing and drops ARG's own columns; a zone group has no type.
      const { id, name, properties } = row;
      const parsed = parseArmId(String(id))!;
      companions.push(
        type.endsWith("/privatednszonegroups")
          ? { id, name, properties }
          : {
              id,
              name,
              type: parsed.type,
              properties: row.properties,
              ...(row.location ? { location: row.location } : {}),
            },
      );
      void properties;
    }
  }
  for (const row of rows) {
    const children = inline.get(String(row.id).toLowerCase());
    if (!children) continue;
    const properties = row.properties as Record<string, unknown[] | undefined>;
    for (const list of ["subnets", "virtualNetworkPeerings"] as const)
      properties[list] = [...(properties[list] ?? []), ...children[list]];
  }
  rows.sort((a, b) => String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase()));
  const pages: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length || i === 0; i += pageSize) {
    const data = rows.slice(i, i + pageSize);
    pages.push({
      count: data.length,
      data,
      skip_token: i + pageSize < rows.length ? `token-${i + pageSize}` : null,
      total_records: rows.length,
    });
  }
  return { pages, companions };
}
