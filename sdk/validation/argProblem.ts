/** Argument problems found by validation, and the structured error a component throws for them. */
import * as pulumi from "@pulumi/pulumi";

/** One bad argument: where it is, and a sentence that names the bad value and the fix. */
export interface ArgProblem {
  /** Property path as the caller wrote it, e.g. `allowedIpRanges[2]`. */
  propertyPath: string;
  /** Names the bad value and says how to fix it. */
  reason: string;
}

/** A value as it appears in a message: JSON, so empty strings and spaces stay visible. */
export function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The text of an argument error: one line per problem, prefixed by the component and its name. */
export function argProblemsMessage(component: string, name: string, problems: readonly ArgProblem[]): string {
  const lines = problems.map((p) => `- ${p.propertyPath}: ${p.reason}`);
  return `Invalid arguments for ${component} "${name}":\n${lines.join("\n")}`;
}

/**
 * The error to throw for plain-value problems: the engine prints each property's reason when the component
 * is hosted for other languages, and the message carries them all for TypeScript callers.
 */
export function argProblemsError(
  component: string,
  name: string,
  problems: readonly ArgProblem[],
): pulumi.InputPropertiesError {
  return new pulumi.InputPropertiesError({
    message: argProblemsMessage(component, name, problems),
    errors: problems.map((p) => ({ propertyPath: p.propertyPath, reason: p.reason })),
  });
}
