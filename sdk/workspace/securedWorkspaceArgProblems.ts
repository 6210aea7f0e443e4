/**
 * Validation of {@link SecuredWorkspaceArgs}: one kind per argument in {@link securedWorkspaceArgSchema}, then
 * the checks across arguments. One pure function serves both moments: in the constructor with the plain
 * values (deferred properties skipped), and again inside `apply` once Output-valued arguments resolve.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ArmTypes } from "../../policy/azure/armId";
import { AzureClouds, type AzureCloud } from "../../policy/azure/clouds";
import { type ArgProblem } from "../validation/argProblem";
import { armId, bool, cloud, freeText, isRecord, listOf, name, oneOf, region } from "../validation/argKinds";
import { argsWithProblems, holdsDeferred, schemaProblems, type ArgSchema } from "../validation/argSchema";
import { managedNetworkKind } from "../managedNetwork/managedNetworkArgSchema";
import { locationProblems } from "../validation/locations";
import { NameRules, nameProblems } from "../validation/names";
import { tagsKind } from "../validation/tags";
import {
  PublicNetworkAccess,
  publicAccessProblems,
  type PublicNetworkAccess as Mode,
} from "./publicNetworkAccess";
import type { SecuredWorkspaceArgs } from "./securedWorkspaceArgs";

/** The arguments with every Input resolved. */
export type ResolvedWorkspaceArgs = pulumi.Unwrap<SecuredWorkspaceArgs>;
export type ArgName = keyof SecuredWorkspaceArgs;

/** Each argument's kind, in the order problems are reported. */
export const securedWorkspaceArgSchema: ArgSchema<SecuredWorkspaceArgs> = {
  workspaceName: { kind: name(NameRules.workspace) },
  resourceGroupName: { kind: name(NameRules.resourceGroup), required: true },
  cloud: { kind: cloud },
  location: { kind: region, required: true },
  friendlyName: { kind: freeText("a display name of at most 256 characters", 256) },
  description: { kind: freeText("a description") },
  tags: { kind: tagsKind(NameRules.tagName) },
  highBusinessImpact: { kind: bool },
  publicNetworkAccess: { kind: oneOf(Object.values(PublicNetworkAccess), "a public access mode") },
  // Each range's form is checked with the mode (publicAccessProblems), which knows the whole list.
  allowedIpRanges: { kind: listOf(freeText("a public IPv4 address or CIDR range")) },
  imageBuildCompute: {
    kind: name(NameRules.compute),
    required: true,
    missing:
      "is required; the workspace's registry is private, so ACR Tasks cannot build images: give the " +
      'name of a compute cluster, e.g. "cpu-cluster" (it may be created after the workspace)',
  },
  storageAccountId: { kind: armId(ArmTypes.storageAccount) },
  keyVaultId: { kind: armId(ArmTypes.keyVault) },
  containerRegistryId: { kind: armId(ArmTypes.containerRegistry) },
  applicationInsightsId: { kind: armId(ArmTypes.applicationInsights) },
  logAnalyticsWorkspaceId: { kind: armId(ArmTypes.logAnalyticsWorkspace) },
  storageAccountName: { kind: name(NameRules.storageAccount) },
  keyVaultName: { kind: name(NameRules.keyVault) },
  containerRegistryName: { kind: name(NameRules.containerRegistry) },
  applicationInsightsName: { kind: name(NameRules.applicationInsights) },
  logAnalyticsWorkspaceName: { kind: name(NameRules.logAnalyticsWorkspace) },
  additionalStorageAccountIds: { kind: listOf(armId(ArmTypes.storageAccount)) },
  managedNetwork: { kind: managedNetworkKind },
  protectStatefulResources: {
    kind: bool,
    plain:
      "an Output is given; protection is decided when resources are registered, so give a plain true or false",
  },
};

/** The arguments that adopt an existing resource by id. */
export type AdoptedIdArg =
  | "storageAccountId"
  | "keyVaultId"
  | "containerRegistryId"
  | "applicationInsightsId"
  | "logAnalyticsWorkspaceId";

/** The arguments naming a dependency this component creates, each with the argument that adopts one instead. */
export const dependencyNameArgs = {
  storageAccountName: "storageAccountId",
  keyVaultName: "keyVaultId",
  containerRegistryName: "containerRegistryId",
  applicationInsightsName: "applicationInsightsId",
  logAnalyticsWorkspaceName: "logAnalyticsWorkspaceId",
} as const satisfies Record<string, AdoptedIdArg>;
export type DependencyNameArg = keyof typeof dependencyNameArgs;

/** A name given for a dependency that is adopted instead (by id): it would name nothing. */
function adoptedNameProblems(args: Partial<ResolvedWorkspaceArgs>): ArgProblem[] {
  const adopting = (key: DependencyNameArg) =>
    args[dependencyNameArgs[key]] !== undefined ||
    (key === "logAnalyticsWorkspaceName" && args.applicationInsightsId !== undefined);
  return (Object.keys(dependencyNameArgs) as DependencyNameArg[])
    .filter((key) => args[key] !== undefined && adopting(key))
    .map((key) => ({
      propertyPath: key,
      reason: `names a resource this component does not create, since it adopts ${key === "logAnalyticsWorkspaceName" && args.applicationInsightsId !== undefined ? "applicationInsightsId" : dependencyNameArgs[key]}; remove ${key}`,
    }));
}

/** The arguments whose value (or a part of it) is an Output or a Promise. */
export function deferredArgs(args: SecuredWorkspaceArgs): Set<ArgName> {
  return new Set((Object.keys(args) as ArgName[]).filter((key) => holdsDeferred(args[key])));
}

/**
 * Every problem of the arguments, skipping checks that involve a deferred argument. `componentName` is the
 * default workspace name.
 */
export function securedWorkspaceArgProblems(
  componentName: string,
  args: Partial<ResolvedWorkspaceArgs>,
  deferred: ReadonlySet<ArgName> = new Set(),
): ArgProblem[] {
  const own = schemaProblems(securedWorkspaceArgSchema, args, { skip: deferred });
  if (!isRecord(args)) return own;
  // Checks across arguments need each argument ready (resolved) and well-formed on its own.
  const bad = argsWithProblems(own);
  const ready = (...names: ArgName[]) => names.every((n) => !deferred.has(n) && !bad.has(n));
  const problems: ArgProblem[] = [];
  if (args.workspaceName === undefined && ready("workspaceName"))
    problems.push(
      ...nameProblems(
        "workspaceName (defaulted from the component name)",
        componentName,
        NameRules.workspace,
      ),
    );
  problems.push(...own, ...adoptedNameProblems(args));
  if (ready("location", "cloud") && args.location !== undefined)
    problems.push(
      ...locationProblems("location", args.location, (args.cloud ?? AzureClouds.AzureCloud) as AzureCloud),
    );
  if (ready("publicNetworkAccess", "allowedIpRanges"))
    problems.push(
      ...publicAccessProblems(
        (args.publicNetworkAccess ?? PublicNetworkAccess.Disabled) as Mode,
        args.allowedIpRanges ?? [],
      ),
    );
  return problems;
}
