/** The shape of a rule: a small function over the model (or one resource) plus its policy metadata. */
import type {
  EnforcementLevel,
  PolicyComplianceFramework,
  PolicyConfigSchema,
  Severity,
} from "@pulumi/policy";
import type { ResourceView } from "../model/resourceView";
import type { StackModel } from "../model/types";

export interface Violation {
  /** URN of the offending resource; empty for the stack as a whole. */
  urn: string;
  message: string;
}

interface RuleMetadata<C> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  /** JSON schema of the rule's own settings (the enforcement level is added by the pack). */
  configSchema: PolicyConfigSchema;
  /** Settings used when the pack config gives none. */
  defaults: C;
  /** Compliance metadata Pulumi Cloud shows on its policy findings pages (@pulumi/policy 1.21). */
  severity?: Severity;
  /** The Microsoft cloud security benchmark control the rule serves. */
  framework?: PolicyComplianceFramework;
  /** Markdown: the fix in azure-native and with this package's components. */
  remediationSteps?: string;
  /** The Azure document the rule rests on. */
  url?: string;
  tags?: string[];
}

export interface StackRule<C> extends RuleMetadata<C> {
  check(model: StackModel, config: C): Violation[];
}

export interface ResourceRule<C> extends RuleMetadata<C> {
  /** Messages about one resource; empty when it complies or the rule does not apply to it. */
  check(view: ResourceView, config: C): string[];
  /** Inputs to apply at enforcement level `remediate`, or undefined to leave the resource as it is. */
  remediate?(view: ResourceView, props: Record<string, unknown>): Record<string, unknown> | undefined;
}

/** The CrossGuard policy fields every rule carries. */
export function policyMetadata<C>(rule: RuleMetadata<C>) {
  const {
    name,
    description,
    enforcementLevel,
    configSchema,
    severity,
    framework,
    remediationSteps,
    url,
    tags,
  } = rule;
  return {
    name,
    description,
    enforcementLevel,
    configSchema,
    severity,
    framework,
    remediationSteps,
    url,
    tags,
  };
}

/** The rule's settings for one evaluation: the pack config over the rule's defaults. */
export function configOf<C extends object>(
  rule: RuleMetadata<C>,
  args: { getConfig<T extends object>(): T },
): C {
  return { ...rule.defaults, ...args.getConfig<Partial<C>>() };
}
