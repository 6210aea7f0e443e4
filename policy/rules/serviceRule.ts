/**
 * A stack rule over the storage accounts, key vaults or registries in scope (by default those an ML
 * workspace of the stack uses): one condition on one service's own settings, as the single-resource
 * built-ins check, reported on the service.
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import { benchmark } from "../pack/benchmark";
import { DependencyScopes, servicesInScope, type DependencyScope } from "../model/dependencyScope";
import type { DependencyService } from "../model/types";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import type { PolicyConfigSchema, Severity } from "@pulumi/policy";

export interface ScopeConfig {
  /** `workspace-dependencies` (default): services an ML workspace of the stack uses; `all`: every one. */
  scope: DependencyScope;
}

/** The `scope` setting every rule over dependency services takes. */
export const scopeSchema = {
  scope: {
    type: "string",
    enum: Object.values(DependencyScopes),
    default: DependencyScopes.workspaceDependencies,
  },
} as const;

export interface ServiceCondition<C extends ScopeConfig> {
  name: string;
  description: string;
  kind: DependencyService["kind"];
  /** The built-in whose words the message quotes, then any others the rule mirrors. */
  builtIns: readonly [string, ...string[]];
  severity: Severity;
  remediationSteps: string;
  url: string;
  /** Settings besides the scope. */
  configProperties?: PolicyConfigSchema["properties"];
  defaults?: Omit<C, "scope">;
  /** What is wrong, or undefined when it complies or cannot be told at preview. */
  problem(service: DependencyService, config: C): string | undefined;
  /** The fix, naming the inputs of the provider `token` declared the service with. */
  fix(token: string | undefined): string;
}

export function serviceRule<C extends ScopeConfig>(condition: ServiceCondition<C>): StackRule<C> {
  return {
    name: condition.name,
    description: condition.description,
    enforcementLevel: "advisory",
    configSchema: { properties: { ...scopeSchema, ...condition.configProperties } },
    defaults: { scope: DependencyScopes.workspaceDependencies, ...condition.defaults } as C,
    severity: condition.severity,
    framework: benchmark("NS-2"),
    remediationSteps: condition.remediationSteps,
    url: condition.url,
    tags: ["network-isolation", ...builtInTags(...condition.builtIns)],
    check: (model, config) =>
      servicesInScope(model, condition.kind, config.scope).flatMap((service) => {
        const problem = condition.problem(service, config);
        if (problem === undefined) return [];
        return [
          {
            urn: service.urn,
            message: message({
              subject: service.label,
              problem,
              quote: builtInQuote(condition.builtIns[0]),
              fix: condition.fix(service.token),
            }),
          },
        ];
      }),
  };
}

/** True when a setting is omitted or known to differ from `expected` (case-insensitive); unknown is not. */
export function isNot(value: unknown, expected: string): boolean {
  return value === undefined || (typeof value === "string" && value.toLowerCase() !== expected.toLowerCase());
}

/** How a setting reads in a message: its value, or that it is omitted and what Azure then assumes. */
export function shown(value: unknown, omitted: string): string {
  return typeof value === "string" ? value : `omitted (${omitted})`;
}
