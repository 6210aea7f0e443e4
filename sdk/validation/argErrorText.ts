/**
 * Argument errors as the Pulumi CLI shows them: one "property: reason" line per problem. The engine prints
 * an `InputPropertiesError` from a hosted component that way by itself; a TypeScript program that lets one
 * escape gets the error object dumped with its stack, so programs convert it with {@link withReadableArgErrors}.
 */
import * as pulumi from "@pulumi/pulumi";

/** The error's first line, then one `- property: reason` line per problem; undefined for other errors. */
export function argErrorText(error: unknown): string | undefined {
  if (pulumi.InputPropertiesError.isInstance(error)) {
    const lines = error.errors.map((e) => `  - ${e.propertyPath}: ${e.reason}`);
    return [error.message.split("\n")[0], ...lines].join("\n");
  }
  if (pulumi.InputPropertyError.isInstance(error)) return `  - ${error.propertyPath}: ${error.reason}`;
  return undefined;
}

/**
 * Runs `program`, turning an argument error into a `RunError`: the CLI prints a `RunError`'s message alone
 * ("error: ..."), without the stack and the raw `errors` objects.
 */
export function withReadableArgErrors<T>(program: () => T): T {
  try {
    return program();
  } catch (e) {
    const text = argErrorText(e);
    throw text === undefined ? e : new pulumi.RunError(text);
  }
}
