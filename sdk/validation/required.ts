/** Checks of required arguments. */
import type { ArgProblem } from "./argProblem";
import type { ArgKind } from "./argKinds";

/** The problem of a required argument that is absent (or null); `reason` overrides the kind's own fix. */
export function missingProblem(propertyPath: string, kind: ArgKind, reason?: string): ArgProblem {
  return {
    propertyPath,
    reason: reason ?? `is required; give ${kind.expected}`,
  };
}
