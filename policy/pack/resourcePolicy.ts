/**
 * Turns a single-resource rule into a CrossGuard resource policy. Remediation edits the resource's inputs
 * in place: the props object CrossGuard passes keeps secrets secret on write, and values not touched stay
 * as they are (unknown ones included). An exempt resource is neither reported nor remediated.
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { genericResourceToken } from "../model/kinds";
import { cachedKindOfToken, viewOf } from "../model/resourceView";
import { redactSecrets } from "../model/secrets";
import { exemptionsOf } from "./exemptions";
import { componentFix, madeFromUrn } from "./componentArguments";
import { quotedTexts, withComponentFix } from "./message";
import { configOf, noContext, policyMetadata, type ResourceRule } from "./rule";

/** The resource's view and the rule's messages, or undefined when the rule has nothing to say about it. */
function evaluation<C extends object>(rule: ResourceRule<C>, args: ResourceValidationArgs) {
  // A rule that declares the kinds it reads skips every other typed resource before anything is copied.
  const kind = genericResourceToken.test(args.type) ? undefined : cachedKindOfToken(args.type);
  if (rule.kinds && kind && !rule.kinds.includes(kind)) return undefined;
  const config = configOf(rule, args);
  if (exemptionsOf(config)(args.urn)) return undefined;
  const view = viewOf({ type: args.type, urn: args.urn, name: args.name, props: args.props });
  return (
    view && { view, messages: rule.check(view, config, { stackTags: args.stackTags ?? noContext.stackTags }) }
  );
}

export function resourcePolicy<C extends object>(rule: ResourceRule<C>): ResourceValidationPolicy {
  const remediate = rule.remediate;
  return {
    ...policyMetadata(rule),
    validateResource: (args, reportViolation) => {
      const found = evaluation(rule, args);
      if (!found || found.messages.length === 0) return;
      // On a resource one of the components made, the fix names the component's argument first.
      const fix = componentFix(rule.name, madeFromUrn(args.type, args.opts?.parent));
      for (const text of found.messages)
        reportViolation(redactSecrets(withComponentFix(text, fix), found.view.secrets, quotedTexts));
    },
    ...(remediate && {
      remediateResource: (args: ResourceValidationArgs) => {
        const found = evaluation(rule, args);
        if (!found || found.messages.length === 0) return undefined;
        return remediate(found.view, args.props);
      },
    }),
  };
}
