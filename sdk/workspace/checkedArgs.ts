/**
 * Output-valued arguments, checked when they resolve. Plain arguments were checked in the constructor; this
 * re-runs the same checks once the named arguments resolve, so a bad value fails the deployment with a
 * `ResourceError` instead of reaching Azure.
 */
import * as pulumi from "@pulumi/pulumi";
import { resolvedArgProblemsError } from "../validation/argProblem";
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
  const resolved = pulumi.output(Object.fromEntries(keys.map((key) => [key, args[key]])));
  return pulumi.all([resolved, pulumi.isSecret(resolved)]).apply(([values, isSecret]) => {
    const problems = securedWorkspaceArgProblems(componentName, { ...plain, ...values }, stillDeferred);
    if (problems.length > 0)
      throw resolvedArgProblemsError(
        "SecuredWorkspace",
        componentName,
        problems,
        { isSecret, value: values },
        resource,
      );
    return values as unknown as Pick<ResolvedWorkspaceArgs, K>;
  });
}
