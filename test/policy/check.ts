/** Runs stack rules over a resource list the way the pack does: one model, each rule with its defaults. */
import { buildModel } from "../../policy/model/buildModel";
import type { StackResource } from "../../policy/model/stackResource";
import type { StackRule } from "../../policy/pack/rule";
import { stackRules } from "../../policy/policies";

export interface Found {
  rule: string;
  level: string;
  urn: string;
  message: string;
}

export function check(
  resources: StackResource[],
  rules: readonly StackRule<object>[] = stackRules,
  config: object = {},
): Found[] {
  const model = buildModel(resources);
  return rules.flatMap((rule) =>
    rule
      .check(model, { ...rule.defaults, ...config })
      .map((v) => ({ rule: rule.name, level: rule.enforcementLevel, ...v })),
  );
}

/** The messages one rule reports. */
export function messagesOf(
  resources: StackResource[],
  rule: StackRule<object>,
  config: object = {},
): string[] {
  return check(resources, [rule], config).map((f) => f.message);
}
