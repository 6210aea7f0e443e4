/**
 * Turns a single-resource rule into a CrossGuard resource policy. Remediation edits the resource's inputs
 * in place: the props object CrossGuard passes keeps secrets secret on write, and values not touched stay
 * as they are (unknown ones included).
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { viewOf } from "../model/resourceView";
import type { ResourceRule } from "./rule";

function viewOfArgs(args: ResourceValidationArgs) {
  return viewOf({ type: args.type, urn: args.urn, name: args.name, props: args.props });
}

export function resourcePolicy<C extends object>(rule: ResourceRule<C>): ResourceValidationPolicy {
  const remediate = rule.remediate;
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    configSchema: rule.configSchema,
    validateResource: (args, reportViolation) => {
      const view = viewOfArgs(args);
      if (!view) return;
      const config = { ...rule.defaults, ...args.getConfig<Partial<C>>() };
      for (const text of rule.check(view, config)) reportViolation(text);
    },
    ...(remediate && {
      remediateResource: (args: ResourceValidationArgs) => {
        const view = viewOfArgs(args);
        const config = { ...rule.defaults, ...args.getConfig<Partial<C>>() };
        if (!view || rule.check(view, config).length === 0) return undefined;
        return remediate(view, args.props);
      },
    }),
  };
}
