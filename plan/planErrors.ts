/**
 * User mistakes versus crashes. A mistake — an unknown stack, a stack file with a bad value, invalid component
 * arguments — is printed as one readable message (invalid arguments: each property with its reason, listed as
 * the Pulumi CLI lists them) without a stack trace; anything else is a crash and keeps its trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { inert } from "./textReport";

/** A mistake in what the plan was asked to do: the target, the project or stack file, a CLI argument's file. */
export class PlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanInputError";
  }
}

function propertyLines(
  headline: string,
  errors: readonly { propertyPath: string; reason: string }[],
): string {
  return [headline, ...errors.map((e) => `  - ${e.propertyPath}: ${e.reason}`)].join("\n");
}

/** What the SDK puts before the error of each input it failed to serialize (nested inputs repeat it). */
const serializationPrefix = /^(error serializing property "[^"]*": )+/;

/**
 * A property nested so deep that Pulumi's SDK overflows the stack serialising or registering it: the program
 * fails the same way under the CLI, so it is the program's mistake, said once.
 */
function tooDeepMessage(e: unknown): string | undefined {
  if (!(e instanceof Error) || !e.message.includes("Maximum call stack size exceeded")) return undefined;
  const resource = /failed to register new resource (\S+) \[([^\]]+)\]/.exec(e.message);
  const property = /error serializing property "([^"]*)"/.exec(e.message)?.[1];
  const where = resource
    ? `resource '${resource[1]}' (${resource[2]})`
    : property !== undefined
      ? `input '${property}' of a resource`
      : "an input of a resource";
  return (
    `${where} nests too deep for Pulumi's SDK to serialise (Maximum call stack size exceeded), as it would ` +
    "under the CLI; flatten the value (for example into a JSON string)"
  );
}

/** The message of a user mistake; undefined for a crash. */
export function userErrorMessage(e: unknown): string | undefined {
  if (e instanceof PlanInputError) return e.message;
  const tooDeep = tooDeepMessage(e);
  if (tooDeep !== undefined) return tooDeep;
  if (pulumi.InputPropertiesError.isInstance(e)) {
    // The components' message repeats the list under a headline naming the component; keep the headline.
    return propertyLines(e.message.split("\n")[0].replace(/:$/, "") + ":", e.errors);
  }
  if (pulumi.InputPropertyError.isInstance(e)) {
    return propertyLines("Invalid argument:", [{ propertyPath: e.propertyPath, reason: e.reason }]);
  }
  // The SDK's errors meant to end a program without a trace: config.require* of a missing or mistyped key.
  if (pulumi.RunError.isInstance(e)) return e.message;
  // A component's refusal of an Output-valued argument once it resolved (hideStack: a message, not a crash),
  // reached through the input of a resource that read it: the component's own lines, as for a plain value.
  if (pulumi.ResourceError.isInstance(e) && (e as { hideStack?: boolean }).hideStack) {
    const message = e.message.replace(serializationPrefix, "");
    return message.replace(/^- /gm, "  - ");
  }
  return undefined;
}

/**
 * A command that failed: one message on stderr (a mistake, or the crash with its trace), each line inert for
 * the terminal (names in it come from strangers); under --json a document either way. Returns the exit code, 2.
 */
export function reportFailure(
  e: unknown,
  command: "plan" | "audit",
  json: boolean | undefined,
  io: { stdout(text: string): void; stderr(text: string): void },
): number {
  const mistake = userErrorMessage(e);
  const message =
    mistake !== undefined
      ? `error: ${mistake}`
      : `${command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  io.stderr(`${message.split("\n").map(inert).join("\n")}\n`);
  // A tool reading --json gets a document either way.
  if (json) io.stdout(JSON.stringify({ error: mistake ?? message, exitCode: 2 }, null, 2) + "\n");
  return 2;
}
