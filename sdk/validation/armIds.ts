/** Checks that ids given for existing resources are ARM ids of the right type. */
import { isArmIdOfType, parseArmId } from "../../policy/azure/armId";
import { shown, type ArgProblem } from "./argProblem";

/** Why `value` is not the ARM id of a resource of `type`. */
export function armIdProblems(propertyPath: string, value: string, type: string): ArgProblem[] {
  if (isArmIdOfType(value, type)) return [];
  const parsed = parseArmId(value);
  const found = parsed ? `the id of a ${parsed.type}` : "not an ARM resource id";
  return [
    {
      propertyPath,
      reason:
        `${shown(value)} is ${found}; give the id of a ${type}, ` +
        `e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/${type}/<name>`,
    },
  ];
}
