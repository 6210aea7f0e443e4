/** Turns a stack rule into a CrossGuard stack policy: build the model, run the rule, report by URN. */
import type { StackValidationPolicy } from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";
import { buildModel } from "../model/buildModel";
import type { StackModel } from "../model/types";
import { configOf, policyMetadata, type StackRule } from "./rule";

let shared: { urns: string; model: StackModel } | undefined;

/**
 * The model of the stack under analysis, built once for all stack policies. @pulumi/policy hands each stack
 * policy its own copy of the resources but runs them back to back within one AnalyzeStack request, awaiting
 * only settled promises: the model is kept, keyed on the URNs, until the event loop moves on.
 */
function modelOf(resources: readonly PolicyResource[]): StackModel {
  const urns = resources.map((r) => r.urn).join("\n");
  if (shared?.urns === urns) return shared.model;
  const model = buildModel(resources);
  shared = { urns, model };
  setImmediate(() => {
    if (shared?.model === model) shared = undefined;
  });
  return model;
}

export function stackPolicy<C extends object>(rule: StackRule<C>): StackValidationPolicy {
  return {
    ...policyMetadata(rule),
    validateStack: (args, reportViolation) => {
      for (const violation of rule.check(modelOf(args.resources), configOf(rule, args))) {
        // An empty URN reports on the stack as a whole.
        reportViolation(violation.message, violation.urn || undefined);
      }
    },
  };
}
