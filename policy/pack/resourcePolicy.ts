/**
 * Turns a single-resource rule into a CrossGuard resource policy. Remediation edits the resource's inputs
 * in place: the props object CrossGuard passes keeps secrets secret on write, and values not touched stay
 * as they are (unknown ones included).
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { genericResourceToken } from "../model/kinds";
import { cachedKindOfToken, viewOf } from "../model/resourceView";
import { configOf, policyMetadata, type ResourceRule } from "./rule";

function viewOfArgs<C>(rule: ResourceRule<C>, args: ResourceValidationArgs) {
  const kind = genericResourceToken.test(args.type) ? undefined : cachedKindOfToken(args.type);
  if (rule.kinds && kind && !rule.kinds.includes(kind)) return undefined;
  return viewOf({ type: args.type, urn: args.urn, name: args.name, props: args.props });
}

export function resourcePolicy<C extends object>(rule: ResourceRule<C>): ResourceValidationPolicy {
  const remediate = rule.remediate;
  return {
    ...policyMetadata(rule),
    validateResource: (args, reportViolation) => {
      const view = viewOfArgs(rule, args);
      if (!view) return;
      for (const text of rule.check(view, configOf(rule, args))) reportViolation(text);
    },
    ...(remediate && {
      remediateResource: (args: ResourceValidationArgs) => {
        const view = viewOfArgs(rule, args);
        if (!view || rule.check(view, configOf(rule, args)).length === 0) return undefined;
        return remediate(view, args.props);
      },
    }),
  };
}
