/**
 * One row of an Azure Resource Graph export (or of a companion `az rest` list), checked and normalised: ARG
 * prints `type` in lower case and leaves empty columns `""`, `{}` or `null` (resource-graph
 * concepts/explore-resources.md); an `az rest` row keeps ARM casing, and a private DNS zone group has no
 * `type` at all (its schema has id, name, etag and properties), so its type comes from its id.
 */
import { parseArmId, type ArmId } from "../../policy/azure/armId";
import { PlanInputError } from "../planErrors";
import { argTypes, dnsRecordTypePrefix } from "./argTypes";

export interface ArgRow {
  id: string;
  /** Lower case, as ARG prints it. */
  type: string;
  parsed: ArmId;
  name: string;
  location?: string;
  kind?: string;
  sku?: unknown;
  identity?: unknown;
  tags?: Record<string, unknown>;
  properties: Record<string, unknown>;
}

/** Where a row came from, for messages: the file and the row's index in it. */
export interface RowPlace {
  file: string;
  row: number;
}

export function rowError(place: RowPlace, field: string | undefined, problem: string): PlanInputError {
  const where = `${place.file}: row ${place.row}${field === undefined ? "" : `, field '${field}'`}`;
  return new PlanInputError(`${where}: ${problem}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** `""`, `{}`, `null` and absent alike: no value. */
function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "" && !(isObject(v) && Object.keys(v).length === 0);
}

/** A short, inert quote of a value for a message (the message is printed by the caller made inert). */
function shown(v: unknown): string {
  const text = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The row, or undefined for a row of a type the audit does not read (an export may hold more); a row that is
 * not a resource at all is a mistake naming the file, the row and the field.
 */
export function argRow(value: unknown, place: RowPlace): ArgRow | undefined {
  if (!isObject(value))
    throw rowError(place, undefined, `expected a resource row (an object), got ${shown(value)}`);
  const id = value.id;
  if (typeof id !== "string")
    throw rowError(place, "id", `expected a resource id (a string), got ${shown(id)}`);
  const parsed = parseArmId(id);
  if (!parsed)
    throw rowError(
      place,
      "id",
      `${shown(id)} is not an Azure resource id (/subscriptions/…/resourceGroups/…/providers/…)`,
    );
  const ownType = parsed.type.toLowerCase();
  const type = value.type;
  if (type !== undefined && typeof type !== "string")
    throw rowError(place, "type", `expected a resource type (a string), got ${shown(type)}`);
  if (type !== undefined && type.toLowerCase() !== ownType)
    throw rowError(place, "type", `${shown(type)} is not the type of its id (${parsed.type})`);
  if (!(ownType in argTypes)) return undefined;
  const properties = value.properties;
  if (present(properties) && !isObject(properties))
    throw rowError(place, "properties", `expected an object, got ${shown(properties)}`);
  const tags = value.tags;
  if (present(tags) && !isObject(tags))
    throw rowError(place, "tags", `expected an object, got ${shown(tags)}`);
  for (const field of ["name", "location", "kind"] as const)
    if (present(value[field]) && typeof value[field] !== "string")
      throw rowError(place, field, `expected a string, got ${shown(value[field])}`);
  return {
    id,
    type: ownType,
    parsed,
    name: typeof value.name === "string" && value.name !== "" ? value.name : parsed.name,
    ...(present(value.location) && { location: value.location as string }),
    ...(present(value.kind) && { kind: value.kind as string }),
    ...(present(value.sku) && { sku: value.sku }),
    ...(present(value.identity) && { identity: value.identity }),
    ...(present(tags) && { tags: tags as Record<string, unknown> }),
    properties: isObject(properties) ? properties : {},
  };
}

/** True when the row is a private DNS record set (ARG's `dnsresources` table): counted, not modelled. */
export function isDnsRecordRow(value: unknown): boolean {
  if (!isObject(value) || typeof value.id !== "string") return false;
  const type = parseArmId(value.id)?.type.toLowerCase();
  return (
    type !== undefined &&
    type.startsWith(dnsRecordTypePrefix) &&
    !(type in argTypes) &&
    type.split("/").length === 3
  );
}
