/**
 * What an ARM template deployment puts in the fake Azure: each resource the template declares, at the id ARM
 * gives it (`<type>/<name>` segments under the deployment's resource group), with the body the template
 * sends. The fake evaluates only what this product's templates use: literal names and values, and a whole-
 * string `[parameters('…')]`. Anything else is refused, naming the expression, so a new template cannot pass
 * unread.
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
  type?: unknown;
  name?: unknown;
  properties?: unknown;
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
  const properties = (inputs.properties ?? {}) as {
    template?: { resources?: TemplateResource[] };
    parameters?: Record<string, { value?: unknown }>;
  };
  const parameters = properties.parameters ?? {};
  return (properties.template?.resources ?? []).map((resource) => {
    const type = String(resource.type);
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
