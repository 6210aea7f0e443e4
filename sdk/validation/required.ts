/** Checks of required arguments. */
import { shown, type ArgProblem } from "./argProblem";

/** Why a required string is missing or blank. */
export function requiredTextProblems(
  propertyPath: string,
  value: string | undefined,
  what: string,
): ArgProblem[] {
  if (value !== undefined && value.trim() !== "") return [];
  return [{ propertyPath, reason: `${shown(value ?? null)} is missing or empty; give ${what}` }];
}
