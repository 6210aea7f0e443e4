/**
 * Stack names as Pulumi checks them: `stack`, `org/stack` or `org/project/stack`, each part 1–100 of
 * `A-Z a-z 0-9 _ . -` (pulumi pkg/backend: "stack names are limited to 100 characters and may only contain
 * alphanumeric, hyphens, underscores, or periods"). A name that passes has no path separator in any part, so it
 * maps to one file name in a state directory.
 */
import { PlanInputError } from "./planErrors";

const part = /^[A-Za-z0-9_.-]{1,100}$/;

/** Refuses a stack name Pulumi would refuse, naming the option and the rule. */
export function checkStackName(name: string, option = "--stack"): void {
  const parts = name.split("/");
  if (parts.length > 3 || !parts.every((p) => part.test(p) && p !== "." && p !== ".."))
    throw new PlanInputError(
      `${option} ${JSON.stringify(name)}: stack names are limited to 100 characters and may only contain ` +
        "alphanumeric, hyphens, underscores, or periods (as Pulumi checks them), optionally qualified as " +
        "org/stack or org/project/stack",
    );
}

/** The state file name of a stack: its parts joined by `+`, which no part contains (`org+project+dev.json`). */
export function stackFileName(name: string): string {
  checkStackName(name);
  return `${name.split("/").join("+")}.json`;
}
