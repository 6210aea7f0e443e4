/** The shape of a rule: a small function over the model (or one resource) plus its policy metadata. */
import type {
  EnforcementLevel,
  PolicyComplianceFramework,
  PolicyConfigSchema,
  Severity,
} from "@pulumi/policy";
import type { Kind } from "../model/kinds";
import type { ResourceView } from "../model/resourceView";
import type { StackModel } from "../model/types";
import { withExemptions } from "./exemptions";

export interface Violation {
  /** URN of the offending resource; empty for the stack itself. */
  urn: string;
  message: string;
}

/** What a rule may know about the stack besides its resources. */
export interface RuleContext {
  /** The stack's tags, as the CLI sends them in ConfigureStack (empty for a DIY backend without `pulumi:tags`). */
  stackTags: ReadonlyMap<string, string>;
}

/** The context of a check run outside the policy server (unit tests): no stack tags. */
export const noContext: RuleContext = { stackTags: new Map() };

export interface RuleMetadata<C> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  /** JSON schema of the rule's own settings (the enforcement level and exemptions are added by the pack). */
  configSchema: PolicyConfigSchema;
  /** Settings used when the pack config gives none. */
  defaults: C;
  /** Compliance metadata Pulumi Cloud shows on its policy findings pages (@pulumi/policy 1.21). */
  severity: Severity;
  /** The Azure Security Benchmark v3 (Microsoft cloud security benchmark v1) control the rule serves (see `benchmark.ts`). */
  framework: PolicyComplianceFramework;
  /** Markdown: the fix in azure-native and with this package's components. */
  remediationSteps: string;
  /** The Azure document the rule rests on. */
  url: string;
  tags: string[];
}

export interface StackRule<C> extends RuleMetadata<C> {
  check(model: StackModel, config: C, context?: RuleContext): Violation[];
  /**
   * The rule's config is the platform description (`platform-network`) every rule's model is built with; the
   * pack runs it first, as a policy reads only its own config.
   */
  describesPlatform?: true;
}

export interface ResourceRule<C> extends RuleMetadata<C> {
  /** The kinds the rule reads: a typed resource of another kind is skipped before its inputs are copied. */
  kinds?: readonly Kind[];
  /** Messages about one resource; empty when it complies or the rule does not apply to it. */
  check(view: ResourceView, config: C, context?: RuleContext): string[];
  /** Inputs to apply at enforcement level `remediate`, or undefined to leave the resource as it is. */
  remediate?(view: ResourceView, props: Record<string, unknown>): Record<string, unknown> | undefined;
}

/** The CrossGuard policy fields every rule carries; the config schema gains `exemptions`. */
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
    configSchema: withExemptions(configSchema),
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
