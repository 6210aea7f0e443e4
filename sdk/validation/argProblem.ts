/** Argument problems found by validation, and the structured error a component throws for them. */
import * as pulumi from "@pulumi/pulumi";
import { invisibleCharacters } from "../../policy/azure/invisibleCharacters";
import { addSecretTexts, redactSecrets } from "../../policy/model/secrets";

/** One bad argument: where it is, and a sentence that names the bad value and the fix. */
export interface ArgProblem {
  /** Property path as the caller wrote it, e.g. `allowedIpRanges[2]`. */
  propertyPath: string;
  /** Names the bad value and says how to fix it. */
  reason: string;
}

/** `noun` after "a" or "an", picked by its first letter ("an AzureCloud region", "an AKS compute name", "a VM size"). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** A value as it appears in a message: JSON, so empty strings and spaces stay visible, invisible characters escaped. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // BigInts and circular objects have no JSON.
    text = typeof value === "object" ? Object.prototype.toString.call(value) : String(value);
  }
  return text.replace(
    new RegExp(invisibleCharacters, "g"),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A property path to a member of `path`, in the engine's syntax: `a.b`, or `a["b.c"]` for other keys. */
export function memberPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
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

/**
 * The error to throw when Output-valued arguments resolve to bad values. When the Output was a secret, its
 * text (and its parts) reads `[secret]` in every reason, as Pulumi prints secrets.
 */
export function resolvedArgProblemsError(
  component: string,
  name: string,
  problems: readonly ArgProblem[],
  secret: { isSecret: boolean; value: unknown },
  resource: pulumi.Resource | undefined,
): pulumi.ResourceError {
  const texts = new Set<string>();
  if (secret.isSecret) addSecretTexts(secret.value, texts);
  const masked = problems.map((p) => ({ ...p, reason: redactSecrets(p.reason, texts) }));
  // No stack: the message names the property, the value and the fix.
  return new pulumi.ResourceError(argProblemsMessage(component, name, masked), resource, true);
}
