/** Turns a stack rule into a CrossGuard stack policy: build the model, run the rule, report by URN. */
import type { StackValidationPolicy } from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";
import { buildModel } from "../model/buildModel";
import type { PlatformNetwork } from "../model/platformNetwork";
import { redactSecrets } from "../model/secrets";
import type { StackModel } from "../model/types";
import { exemptionsOf } from "./exemptions";
import { componentFix } from "./componentArguments";
import { quotedTexts, withComponentFix } from "./message";
import { configOf, noContext, policyMetadata, type StackRule } from "./rule";

let shared:
  { resources: readonly PolicyResource[]; urns: string; platform: string; model: StackModel } | undefined;

const urnsOf = (resources: readonly PolicyResource[]) => resources.map((r) => r.urn).join("\n");

/**
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
 * The model of the stack under analysis, built once for all stack policies. Stack policies run back to back
 * within one AnalyzeStack request, awaiting only settled promises: the model is kept until the event loop
 * moves on. This pack's AnalyzeStack hands every policy the same resources (sharedStackResources.ts); where
 * @pulumi/policy hands each its own copy, the URNs say it is the same stack. The platform description is part
 * of the key.
 */
function modelOf(resources: readonly PolicyResource[]): StackModel {
  const described = platform?.json ?? "";
  if (
    shared &&
    shared.platform === described &&
    (shared.resources === resources || shared.urns === urnsOf(resources))
  )
    return shared.model;
  const model = buildModel(resources, platform?.config);
  shared = { resources, urns: urnsOf(resources), platform: described, model };
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
      // The resources by URN, made at the first violation: the one it is on names its parents (componentFix).
      let byUrn: Map<string, PolicyResource> | undefined;
      for (const violation of rule.check(model, config, context)) {
        byUrn ??= new Map(args.resources.map((r) => [r.urn, r]));
        if (!exempt(violation.urn))
          reportViolation(
            redactSecrets(
              withComponentFix(violation.message, componentFix(rule.name, byUrn.get(violation.urn))),
              model.secrets,
              quotedTexts,
            ),
            violation.urn || undefined,
          );
      }
    },
  };
}
