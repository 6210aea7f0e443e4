/** Turns a stack rule into a CrossGuard stack policy: build the model, run the rule, report by URN. */
import type { StackValidationPolicy } from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";
import { buildModel } from "../model/buildModel";
import type { PlatformNetwork } from "../model/platformNetwork";
import { redactSecrets } from "../model/secrets";
import type { StackModel } from "../model/types";
import { exemptionsOf } from "./exemptions";
import { quotedTexts } from "./message";
import { configOf, noContext, policyMetadata, type StackRule } from "./rule";

let shared: { urns: string; model: StackModel } | undefined;

/**
 * The platform description of the request under analysis, set by the `platform-network` policy (first in the
 * pack): a policy reads only its own config. Dropped when the event loop moves on, so a request where that
 * policy is disabled gets none.
 */
let platform: { json: string; config: Partial<PlatformNetwork> } | undefined;

function describePlatform(config: Partial<PlatformNetwork>): void {
  const described = { json: JSON.stringify(config.hubs ?? []), config };
  platform = described;
  setImmediate(() => {
    if (platform === described) platform = undefined;
  });
}

/**
 * The model of the stack under analysis, built once for all stack policies. @pulumi/policy hands each stack
 * policy its own copy of the resources but runs them back to back within one AnalyzeStack request, awaiting
 * only settled promises: the model is kept, keyed on the URNs and the platform description, until the event
 * loop moves on.
 */
function modelOf(resources: readonly PolicyResource[]): StackModel {
  const urns = `${resources.map((r) => r.urn).join("\n")}\n${platform?.json ?? ""}`;
  if (shared?.urns === urns) return shared.model;
  const model = buildModel(resources, platform?.config);
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
      const config = configOf(rule, args);
      if (rule.describesPlatform) describePlatform(config as Partial<PlatformNetwork>);
      const exempt = exemptionsOf(config);
      const context = { stackTags: args.stackTags ?? noContext.stackTags };
      const model = modelOf(args.resources);
      for (const violation of rule.check(model, config, context)) {
        if (!exempt(violation.urn))
          reportViolation(
            redactSecrets(violation.message, model.secrets, quotedTexts),
            violation.urn || undefined,
          );
      }
    },
  };
}
