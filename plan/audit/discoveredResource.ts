/**
 * An export's row as the pack's model reads a resource discovered in an Azure account (policy/README.md,
 * "Discovered resources"): the azure-native token's read-back state — own `id`, `name` and ARM `type`, its
 * properties as the SDK shape has them — and no URL path inputs, parent or dependencies. azure-native puts a
 * resource's ARM `properties` at its top level where the kind is flattened (policy/model/kinds.ts), and every
 * sub-resource in a list (subnets, peerings, IP configurations, connections, zone configs) carries its own
 * bag flattened the same way; a compute's nested `properties` is its own body and stays.
 */
import { kindInfo, kindOfArmType } from "../../policy/model/kinds";
import type { RecordedResource } from "../mockRun";
import { recordedSecret } from "../modelResources";
import type { ArgRow } from "./argRow";
import { argTypes } from "./argTypes";

/**
 * Property names the REST specs mark `x-ms-secret` (passwords, keys, connection strings, SAS tokens): ARM
 * never returns their values, but a row carrying one gets it masked as `[secret]` in every output.
 */
const secureNames = new Set([
  "password",
  "adminpassword",
  "adminuserpassword",
  "secret",
  "clientsecret",
  "connectionstring",
  "sastoken",
  "accountkey",
  "primarykey",
  "secondarykey",
  "sharedkey",
  "authorizationkey",
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Secure values wrapped as secrets; sub-resources in lists flattened. */
function sdkShape(value: unknown, inList: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => sdkShape(v, true));
  if (!isObject(value)) return value;
  const own = inList && isObject(value.properties) ? { ...value, ...value.properties } : value;
  if (own !== value) delete own.properties;
  return Object.fromEntries(
    Object.entries(own).map(([key, v]) => [
      key,
      secureNames.has(key.toLowerCase()) && v !== null && v !== undefined
        ? recordedSecret(v)
        : sdkShape(v, false),
    ]),
  );
}

/** The read-back state of a row's resource, as its azure-native token's outputs. */
export function readBackState(row: ArgRow): Record<string, unknown> {
  const kind = kindOfArmType(row.type);
  const flattened = kind !== undefined && kindInfo[kind].flattened;
  const properties = sdkShape(row.properties, false) as Record<string, unknown>;
  // The row's own columns win over a property of the same name.
  return {
    ...(flattened ? properties : { properties }),
    id: row.id,
    name: row.name,
    type: row.parsed.type,
    ...(row.location !== undefined && { location: row.location }),
    ...(row.kind !== undefined && { kind: row.kind }),
    ...(row.sku !== undefined && { sku: sdkShape(row.sku, false) }),
    ...(row.identity !== undefined && { identity: sdkShape(row.identity, false) }),
    ...(row.tags !== undefined && { tags: sdkShape(row.tags, false) }),
  };
}

/** The stack part of every URN of an estate: stack and project as the pack's messages never show them. */
export const estateUrnPrefix = "urn:pulumi:estate::azure-resource-graph::";

/**
 * The Pulumi name of each row's resource: its ARM names (`vnet-hub`, `pe-ws/default`), with its resource group
 * first where another resource of its type has the same names, and its subscription first where that is not
 * enough — short labels in messages and the picture, unique URNs.
 */
export function estateNames(rows: readonly ArgRow[]): string[] {
  const levels = [
    (r: ArgRow) => r.parsed.names.join("/"),
    (r: ArgRow) => [r.parsed.resourceGroup, ...r.parsed.names].join("/"),
    (r: ArgRow) => [r.parsed.subscriptionId, r.parsed.resourceGroup, ...r.parsed.names].join("/"),
  ];
  const counts = levels.map((level) => {
    const count = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.type}|${level(r).toLowerCase()}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    return count;
  });
  return rows.map((r) => {
    const i = levels.findIndex((level, n) => counts[n].get(`${r.type}|${level(r).toLowerCase()}`) === 1);
    return levels[i === -1 ? levels.length - 1 : i](r);
  });
}

/** The resource as the pack's Analyzer gets a discovered one, named `name` (estateNames). */
export function discoveredResource(row: ArgRow, name: string): RecordedResource {
  const token = argTypes[row.type].token;
  const state = readBackState(row);
  return {
    urn: `${estateUrnPrefix}${token}::${name}`,
    type: token,
    name,
    custom: true,
    id: row.id,
    inputs: state,
    outputs: state,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    deleteBeforeReplace: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    aliases: [],
  };
}
