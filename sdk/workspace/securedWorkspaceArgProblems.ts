/**
 * Validation of {@link SecuredWorkspaceArgs}. One pure function serves both moments: in the constructor with
 * the plain values (deferred properties skipped), and again inside `apply` once Output-valued arguments
 * resolve.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ArmTypes } from "../../policy/azure/armId";
import { AzureClouds, isAzureCloud } from "../../policy/azure/clouds";
import { type ArgProblem } from "../validation/argProblem";
import { armIdListProblems, armIdProblems } from "../validation/armIds";
import { cloudProblems, locationProblems } from "../validation/locations";
import { computeNameProblems, workspaceNameProblems } from "../validation/names";
import { isDeferred } from "../validation/plainValues";
import { requiredTextProblems } from "../validation/required";
import { managedNetworkProblems } from "../managedNetwork/managedNetworkProblems";
import { PublicNetworkAccess, publicAccessProblems } from "./publicNetworkAccess";
import type { SecuredWorkspaceArgs } from "./securedWorkspaceArgs";

/** The arguments with every Input resolved. */
export type ResolvedWorkspaceArgs = pulumi.Unwrap<SecuredWorkspaceArgs>;
export type ArgName = keyof SecuredWorkspaceArgs;

/** Ids that adopt an existing resource, with the resource type each must have. */
const adoptedIdTypes = {
  storageAccountId: ArmTypes.storageAccount,
  keyVaultId: ArmTypes.keyVault,
  containerRegistryId: ArmTypes.containerRegistry,
  applicationInsightsId: ArmTypes.applicationInsights,
  logAnalyticsWorkspaceId: ArmTypes.logAnalyticsWorkspace,
} as const satisfies Partial<Record<ArgName, string>>;
/** The arguments that adopt an existing resource by id. */
export type AdoptedIdArg = keyof typeof adoptedIdTypes;

/** The arguments whose value (or an element of it) is an Output or a Promise. */
export function deferredArgs(args: SecuredWorkspaceArgs): Set<ArgName> {
  const deferred = new Set<ArgName>();
  for (const [key, value] of Object.entries(args) as [ArgName, unknown][]) {
    const inside = Array.isArray(value)
      ? value
      : value && typeof value === "object"
        ? Object.values(value)
        : [];
    if (isDeferred(value) || inside.some(isDeferred)) deferred.add(key);
  }
  return deferred;
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
  const ready = (...names: ArgName[]) => names.every((n) => !deferred.has(n));
  const problems: ArgProblem[] = [];
  if (ready("workspaceName")) {
    problems.push(
      ...workspaceNameProblems(
        args.workspaceName === undefined
          ? "workspaceName (defaulted from the component name)"
          : "workspaceName",
        args.workspaceName ?? componentName,
      ),
    );
  }
  if (ready("resourceGroupName"))
    problems.push(
      ...requiredTextProblems("resourceGroupName", args.resourceGroupName, "the resource group name"),
    );
  const cloud = args.cloud ?? AzureClouds.AzureCloud;
  if (ready("cloud")) problems.push(...cloudProblems("cloud", cloud));
  if (ready("location")) {
    const missing = requiredTextProblems("location", args.location, 'a region such as "westeurope"');
    problems.push(...missing);
    if (missing.length === 0 && ready("cloud") && isAzureCloud(cloud))
      problems.push(...locationProblems("location", args.location!, cloud));
  }
  if (ready("publicNetworkAccess", "allowedIpRanges")) {
    problems.push(
      ...publicAccessProblems(
        args.publicNetworkAccess ?? PublicNetworkAccess.Disabled,
        args.allowedIpRanges ?? [],
      ),
    );
  }
  if (ready("imageBuildCompute")) {
    problems.push(
      ...(args.imageBuildCompute === undefined
        ? [
            {
              propertyPath: "imageBuildCompute",
              reason:
                "null is missing; the workspace's registry is private, so ACR Tasks cannot build images: give the " +
                'name of a compute cluster, e.g. "cpu-cluster" (it may be created after the workspace)',
            },
          ]
        : computeNameProblems("imageBuildCompute", args.imageBuildCompute)),
    );
  }
  for (const [key, type] of Object.entries(adoptedIdTypes) as [keyof typeof adoptedIdTypes, string][]) {
    const value = args[key];
    if (value !== undefined && ready(key)) problems.push(...armIdProblems(key, value, type));
  }
  if (args.additionalStorageAccountIds !== undefined && ready("additionalStorageAccountIds")) {
    problems.push(
      ...armIdListProblems(
        "additionalStorageAccountIds",
        args.additionalStorageAccountIds,
        ArmTypes.storageAccount,
      ),
    );
  }
  if (ready("managedNetwork")) problems.push(...managedNetworkProblems(args.managedNetwork as never));
  if (deferred.has("protectStatefulResources")) {
    problems.push({
      propertyPath: "protectStatefulResources",
      reason:
        "an Output is given; protection is decided when resources are registered, so give a plain true or false",
    });
  }
  return problems;
}
