/**
 * Output-valued arguments, checked when they resolve. Plain arguments were checked in the constructor; this
 * re-runs the same checks once the named arguments resolve, so a bad value fails the deployment with a
 * `ResourceError` instead of reaching Azure.
 */
import * as pulumi from "@pulumi/pulumi";
import { argProblemsMessage } from "../validation/argProblem";
import {
  securedWorkspaceArgProblems,
  type ArgName,
  type ResolvedWorkspaceArgs,
} from "./securedWorkspaceArgProblems";
import type { SecuredWorkspaceArgs } from "./securedWorkspaceArgs";

/**
 * The arguments `keys`, resolved and checked together with the plain ones. Checks that span arguments
 * (location with cloud, mode with ranges) need those arguments in the same `keys`.
 */
export function checkedArgs<K extends ArgName>(
  componentName: string,
  args: SecuredWorkspaceArgs,
  deferred: ReadonlySet<ArgName>,
  keys: readonly K[],
  resource?: pulumi.Resource,
): pulumi.Output<Pick<ResolvedWorkspaceArgs, K>> {
  const plain = Object.fromEntries(
    Object.entries(args).filter(([key]) => !deferred.has(key as ArgName)),
  ) as Partial<ResolvedWorkspaceArgs>;
  const stillDeferred = new Set([...deferred].filter((key) => !(keys as readonly ArgName[]).includes(key)));
  return pulumi.output(Object.fromEntries(keys.map((key) => [key, args[key]]))).apply((values) => {
    const problems = securedWorkspaceArgProblems(componentName, { ...plain, ...values }, stillDeferred);
    if (problems.length > 0)
      throw new pulumi.ResourceError(
        argProblemsMessage("SecuredWorkspace", componentName, problems),
        resource,
        true,
      );
    return values as Pick<ResolvedWorkspaceArgs, K>;
  });
}
