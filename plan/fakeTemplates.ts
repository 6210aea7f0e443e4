/**
 * What an ARM template deployment puts in the fake Azure: each resource the template declares, at the id ARM
 * gives it (`<type>/<name>` segments under the deployment's resource group), with the body the template
 * sends. The fake evaluates only what this product's templates use: literal names and values, and a whole-
 * string `[parameters('…')]`. Anything else is refused, naming the expression, so a new template cannot pass
 * unread. A template or parameters ARM would not accept (resources that are not a list of objects with a string
 * type and name, a parameter without its `{ value }` object) are refused with ARM's code, `InvalidTemplate`.
 */
import { armError } from "./fakeInvokes";

/** A resource a template deployment created or updated. */
export interface DeployedResource {
  id: string;
  /** ARM type, e.g. `Microsoft.DataFactory/factories/managedVirtualNetworks`. */
  type: string;
  /** The last segment of the id. */
  name: string;
  properties: unknown;
}

interface TemplateResource {
  type: string;
  name: string;
  properties?: unknown;
}

/** ARM's 400 for a template (or its parameters) it cannot read. */
function invalidTemplate(reason: string): Error {
  return armError(
    `fake Azure: Status=400 Code="InvalidTemplate" Message="Deployment template validation failed: ${reason}"`,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The deployment's template resources and parameters, or ARM's InvalidTemplate for a shape it refuses. */
function templateOf(inputs: Record<string, unknown>): {
  resources: TemplateResource[];
  parameters: Record<string, { value?: unknown }>;
} {
  const properties = inputs.properties ?? {};
  if (!isObject(properties)) throw invalidTemplate("'properties' is not an object");
  const template = properties.template ?? {};
  if (!isObject(template)) throw invalidTemplate("the template is not an object");
  const resources = template.resources ?? [];
  if (!Array.isArray(resources)) throw invalidTemplate("the template's 'resources' is not a list");
  resources.forEach((r: unknown, i) => {
    if (!isObject(r) || typeof r.type !== "string" || typeof r.name !== "string")
      throw invalidTemplate(
        `the template resource at index ${i} is not an object with a string type and name`,
      );
  });
  const parameters = properties.parameters ?? {};
  if (!isObject(parameters)) throw invalidTemplate("'parameters' is not an object");
  for (const [name, parameter] of Object.entries(parameters))
    if (!isObject(parameter)) throw invalidTemplate(`the parameter '${name}' is not an object with a value`);
  return {
    resources: resources as TemplateResource[],
    parameters: parameters as Record<string, { value?: unknown }>,
  };
}

const parameterPrefix = "[parameters('";
const parameterSuffix = "')]";

/** A template value with its `[parameters('x')]` strings replaced by the deployment's values. */
function evaluate(value: unknown, parameters: Record<string, { value?: unknown }>): unknown {
  if (typeof value === "string") {
    if (!value.startsWith("[") || value.startsWith("[[")) return value;
    const name =
      value.startsWith(parameterPrefix) && value.endsWith(parameterSuffix)
        ? value.slice(parameterPrefix.length, -parameterSuffix.length)
        : undefined;
    if (name === undefined || !Object.hasOwn(parameters, name)) {
      throw armError(`fake Azure: cannot evaluate the template expression ${JSON.stringify(value)}`);
    }
    return parameters[name].value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, parameters));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, parameters)]));
  }
  return value;
}

/**
 * The resources a `resources:Deployment` with these inputs creates in resource group `groupId`
 * (`/subscriptions/<sub>/resourceGroups/<rg>`). Pure.
 */
export function deployedResources(groupId: string, inputs: Record<string, unknown>): DeployedResource[] {
  const { resources, parameters } = templateOf(inputs);
  return resources.map((resource) => {
    const type = resource.type;
    const name = String(evaluate(resource.name, parameters));
    const [namespace, ...types] = type.split("/");
    const names = name.split("/");
    if (types.length !== names.length) {
      throw armError(
        `fake Azure: template resource name ${JSON.stringify(name)} has ${names.length} segments; type ${type} needs ${types.length}`,
      );
    }
    const path = types.map((t, i) => `${t}/${names[i]}`).join("/");
    return {
      id: `${groupId}/providers/${namespace}/${path}`,
      type,
      name: names[names.length - 1],
      properties: evaluate(resource.properties, parameters),
    };
  });
}
