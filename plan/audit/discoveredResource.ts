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
 * The resource as the pack's Analyzer gets a discovered one. Its Pulumi name is its resource group and ARM
 * names (`rg-hub/vnet-hub`), with its subscription first when the estate spans several.
 */
export function discoveredResource(row: ArgRow, withSubscription: boolean): RecordedResource {
  const token = argTypes[row.type].token;
  const state = readBackState(row);
  const path = [row.parsed.resourceGroup, ...row.parsed.names].join("/");
  const name = withSubscription ? `${row.parsed.subscriptionId}/${path}` : path;
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
