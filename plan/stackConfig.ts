/**
 * The config a program sees, computed as the CLI does: the stack file's values over the project's
 * defaults from `Pulumi.yaml`, keys namespaced `<project>:<key>` when written bare, values passed as
 * strings (objects and arrays as JSON). A key declared with a type but no default must be set, and a value
 * set for a typed key must be of that type (the CLI refuses the stack otherwise).
 */
import { secretMask } from "../policy/model/secrets";
import { PlanInputError } from "./planErrors";

/** A `Pulumi.yaml` config entry: a typed declaration, or a bare value that is its default. */
interface ConfigDeclaration {
  type?: string;
  default?: unknown;
  value?: unknown;
  secret?: boolean;
}

const declarationKeys = new Set(["type", "default", "value", "description", "secret", "items"]);

function isDeclaration(entry: unknown): entry is ConfigDeclaration {
  return (
    typeof entry === "object" &&
    entry !== null &&
    !Array.isArray(entry) &&
    Object.keys(entry).length > 0 &&
    Object.keys(entry).every((k) => declarationKeys.has(k))
  );
}

export function namespaced(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function configString(key: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "secure" in value) {
    throw new PlanInputError(
      `config ${key} is encrypted; the offline plan cannot decrypt it — set a plain value`,
    );
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The declared config types of `Pulumi.yaml`, and the values a stack file may give each. */
const configTypes: Record<string, { accepts: (value: unknown) => boolean; expected: string }> = {
  string: { accepts: (v) => typeof v !== "object" || v === null, expected: "a string" },
  integer: {
    accepts: (v) => typeof v !== "boolean" && String(v).trim() !== "" && Number.isInteger(Number(v)),
    expected: "a whole number",
  },
  boolean: {
    accepts: (v) => typeof v === "boolean" || v === "true" || v === "false",
    expected: "true or false",
  },
  array: { accepts: Array.isArray, expected: "a list" },
};

function checkType(key: string, declaration: ConfigDeclaration, value: unknown): void {
  const type = declaration.type === undefined ? undefined : configTypes[declaration.type];
  if (!type || type.accepts(value) || (typeof value === "object" && value !== null && "secure" in value))
    return;
  // A key declared secret keeps its value out of the message, as Pulumi prints it.
  const shown = declaration.secret ? secretMask : JSON.stringify(value);
  throw new PlanInputError(
    `config ${key} is ${shown}, but Pulumi.yaml declares it ${declaration.type}: set ${type.expected}`,
  );
}

export interface ResolvedConfig {
  config: Record<string, string>;
  /** Keys declared `secret: true`, passed to the SDK so their values stay secret. */
  secretKeys: string[];
}

export function resolveStackConfig(
  project: string,
  projectConfig: Record<string, unknown>,
  stackConfig: Record<string, unknown>,
): ResolvedConfig {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const required: string[] = [];
  const declarations = new Map<string, ConfigDeclaration>();
  for (const [rawKey, entry] of Object.entries(projectConfig)) {
    const key = namespaced(project, rawKey);
    const declaration = isDeclaration(entry) ? entry : { default: entry };
    declarations.set(key, declaration);
    const value = declaration.value ?? declaration.default;
    if (value !== undefined) config[key] = configString(key, value);
    else if (declaration.type !== undefined) required.push(key);
    if (declaration.secret) secretKeys.push(key);
  }
  for (const [rawKey, value] of Object.entries(stackConfig)) {
    const key = namespaced(project, rawKey);
    const declaration = declarations.get(key);
    if (declaration) checkType(key, declaration, value);
    config[key] = configString(key, value);
  }
  const missing = required.filter((k) => !(k in config));
  if (missing.length > 0)
    throw new PlanInputError(`stack is missing configuration value(s) ${missing.join(", ")}`);
  return { config, secretKeys };
}

/** The config key a stack file sets its stack tags with; the CLI applies them and sends them to policy packs. */
export const stackTagsKey = "pulumi:tags";

/** The stack tags the resolved config declares (`pulumi:tags`, a map of strings). */
export function stackTagsOf(config: Record<string, string>): Record<string, string> {
  const raw = config[stackTagsKey];
  if (raw === undefined) return {};
  let tags: unknown;
  try {
    tags = JSON.parse(raw);
  } catch {
    tags = undefined;
  }
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    throw new PlanInputError(`config ${stackTagsKey} must be a map of tag names to values, got ${raw}`);
  }
  return Object.fromEntries(
    Object.entries(tags).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}
