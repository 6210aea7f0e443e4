/**
 * A recognised resource in one shape whatever its token: the inputs as azure-native's typed resource has
 * them (a generic `resources:Resource` has its ARM `properties` bag lifted where azure-native flattens it;
 * a classic `@pulumi/azure` resource is translated by its table in classicShapes.ts), its ARM names, and
 * its property dependencies keyed by those inputs. A resource read back from the cloud (discovered, no URL
 * path parameters) gets its resource group and names from its own ARM id.
 */
import { parseArmId, type ArmId } from "../azure/armId";
import { classicKindOf, translateClassic } from "./classicShapes";
import { genericResourceToken, kindInfo, kindOfArmType, kindOfToken, type Kind } from "./kinds";
import type { StackResource } from "./stackResource";
import { at, isUnknown, str, toPlain, unknown, type Maybe, type Unknown } from "./values";

export interface ResourceView {
  kind: Kind;
  urn: string;
  name: string;
  type: string;
  /** Unknown as a whole when a generic resource's `properties` bag is unknown. */
  inputs: Record<string, unknown> | Unknown;
  resourceGroup: Maybe<string>;
  /** ARM names, outermost first (e.g. VNet then subnet); an entry is unknown or absent when its input is. */
  armNames: Maybe<string>[];
  /** Its ARM id when known (outputs after an update). */
  armId?: string;
  /** URNs the given input was computed from. */
  dependencies(input: string): readonly string[];
  /** The texts of its secret values, which every output masks (secrets.ts). */
  secrets: ReadonlySet<string>;
}

/** ARM inputs that stay at the top level of a generic resource. */
const genericTopLevel = new Set(["location", "sku", "identity", "kind", "tags"]);

const tokenKinds = new Map<string, Kind | undefined>();

/** The kind of a typed (not generic) azure-native or classic resource token, remembered per token. */
export function cachedKindOfToken(token: string): Kind | undefined {
  if (!tokenKinds.has(token)) tokenKinds.set(token, kindOfToken(token) ?? classicKindOf(token));
  return tokenKinds.get(token);
}

const resourceGroupToken = /^azure-native:resources(\/v[0-9a-z]+)?:ResourceGroup$/;

/**
 * The names of the stack's resource groups that name themselves explicitly, by URN. At preview a resource's
 * `resourceGroupName: rg.name` is unknown, but it is the group's own `resourceGroupName` input, which is
 * known: resolving it keeps rg + name links working before anything exists.
 */
export function namedResourceGroups(
  resources: readonly StackResource[],
  secrets?: Set<string>,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of resources) {
    if (!resourceGroupToken.test(r.type)) continue;
    const name = str(toPlain(r.props, secrets), "resourceGroupName");
    if (typeof name === "string") names.set(r.urn, name);
  }
  return names;
}

/** The view of a resource, or undefined when the model does not use its kind. */
export function viewOf(
  resource: StackResource,
  groupNames: ReadonlyMap<string, string> = new Map(),
): ResourceView | undefined {
  const generic = genericResourceToken.test(resource.type);
  // Copying the inputs is most of a view's cost: a resource of no modelled kind is not copied at all.
  if (!generic && !cachedKindOfToken(resource.type)) return undefined;
  const secrets = new Set<string>();
  const plain = toPlain(resource.props, secrets) as Record<string, unknown>;
  const deps = resource.propertyDependencies ?? {};
  const urnsOf = (input: string) => (deps[input] ?? []).map((r) => r.urn);
  const classic = translateClassic(resource.type, plain);
  const props = classic?.inputs ?? plain;
  const depsOf = classic ? (input: string) => (classic.sources.get(input) ?? []).flatMap(urnsOf) : urnsOf;
  const group = str(props, "resourceGroupName");
  const groupSources = depsOf("resourceGroupName");
  const resourceGroup =
    isUnknown(group) && groupSources.length === 1 ? (groupNames.get(groupSources[0]) ?? group) : group;
  if (generic) return genericView(resource, props, resourceGroup, depsOf, secrets);
  const kind = classic?.kind ?? cachedKindOfToken(resource.type);
  if (!kind) return undefined;
  const info = kindInfo[kind];
  const armNames = info.nameInputs.map((input, i) =>
    i === info.nameInputs.length - 1 ? (str(props, input) ?? str(props, "name")) : str(props, input),
  );
  const armId = knownArmId(props);
  const own = ownId(armId, info.armType);
  return {
    kind,
    urn: resource.urn,
    name: resource.name,
    type: resource.type,
    inputs: props,
    resourceGroup: resourceGroup ?? own?.resourceGroup,
    armNames: own ? armNames.map((name, i) => name ?? own.names[i]) : armNames,
    armId,
    dependencies: depsOf,
    secrets,
  };
}

/** The resource's own ARM id parsed, when it is of the kind's type (its names then fill absent inputs). */
function ownId(armId: string | undefined, armType: string | undefined): ArmId | undefined {
  const parsed = armId === undefined ? undefined : parseArmId(armId);
  return parsed && armType && parsed.type.toLowerCase() === armType.toLowerCase() ? parsed : undefined;
}

function genericView(
  resource: StackResource,
  props: Record<string, unknown>,
  resourceGroup: Maybe<string>,
  depsOf: (input: string) => string[],
  secrets: ReadonlySet<string>,
): ResourceView | undefined {
  const armId = knownArmId(props);
  const identity = genericIdentity(props, armId);
  if (!identity) return undefined;
  const kind = kindOfArmType(identity.armType);
  if (!kind) return undefined;
  const flattened = kindInfo[kind].flattened;
  const bag = at(props, "properties");
  const lifted: Record<string, unknown> = {};
  if (flattened && bag && typeof bag === "object") Object.assign(lifted, bag);
  for (const key of genericTopLevel) if (props[key] !== undefined) lifted[key] = props[key];
  const inputs = flattened ? lifted : props;
  return {
    kind,
    urn: resource.urn,
    name: resource.name,
    type: resource.type,
    inputs: isUnknown(bag) && flattened ? unknown : inputs,
    resourceGroup: resourceGroup ?? identity.resourceGroup,
    armNames: identity.armNames,
    armId,
    dependencies: (input) =>
      depsOf(genericTopLevel.has(input) || !flattened ? input : "properties").concat(
        kindInfo[kind].nameInputs.includes(input) ? depsOf("parentResourcePath") : [],
      ),
    secrets,
  };
}

/**
 * A generic resource's ARM type and names: from its URL path inputs as a program declares it, or from its
 * read-back `type` and own id when it was discovered in the cloud (no path inputs).
 */
function genericIdentity(
  props: Record<string, unknown>,
  armId: string | undefined,
): { armType: string; armNames: Maybe<string>[]; resourceGroup?: string } | undefined {
  const namespace = str(props, "resourceProviderNamespace");
  const resourceType = str(props, "resourceType");
  if (typeof namespace === "string" && typeof resourceType === "string") {
    const parentPath = str(props, "parentResourcePath");
    // A child type's ARM type joins its parent types: `workspaces/ws1` + `computes` -> workspaces/computes.
    const parentSegments = typeof parentPath === "string" && parentPath !== "" ? parentPath.split("/") : [];
    const parentTypes = parentSegments.filter((_, i) => i % 2 === 0);
    const parentNames = parentSegments.filter((_, i) => i % 2 === 1);
    return {
      armType: [namespace, ...parentTypes, resourceType].join("/"),
      armNames: [...parentNames, str(props, "resourceName")],
    };
  }
  const parsed = armId === undefined ? undefined : parseArmId(armId);
  if (!parsed || typeof props.type !== "string" || props.type.toLowerCase() !== parsed.type.toLowerCase())
    return undefined;
  return { armType: parsed.type, armNames: parsed.names, resourceGroup: parsed.resourceGroup };
}

function knownArmId(props: Record<string, unknown>): string | undefined {
  const id = str(props, "id");
  return typeof id === "string" && parseArmId(id) ? id : undefined;
}

/**
 * The object holding a resource's own settings in the props CrossGuard hands a remediation: the props
 * themselves, or a generic resource's ARM `properties` bag where azure-native flattens it.
 */
export function writableInputs(
  view: ResourceView,
  props: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const target =
    genericResourceToken.test(view.type) && kindInfo[view.kind].flattened ? props.properties : props;
  return target && typeof target === "object" ? (target as Record<string, unknown>) : undefined;
}
