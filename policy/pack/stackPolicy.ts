/** Turns a stack rule into a CrossGuard stack policy: build the model, run the rule, report by URN. */
import type { StackValidationPolicy } from "@pulumi/policy";
import { buildModel } from "../model/buildModel";
import type { StackRule } from "./rule";

export function stackPolicy<C extends object>(rule: StackRule<C>): StackValidationPolicy {
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    configSchema: rule.configSchema,
    validateStack: (args, reportViolation) => {
      const config = { ...rule.defaults, ...args.getConfig<Partial<C>>() };
      for (const violation of rule.check(buildModel(args.resources), config)) {
        reportViolation(violation.message, violation.urn);
      }
    },
  };
}
