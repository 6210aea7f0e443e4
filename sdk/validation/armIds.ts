/** Checks that ids given for existing resources are ARM ids of the right type. */
import { isArmIdOfType, parseArmId, unsafeSegmentOf } from "../../policy/azure/armId";
import { shown, type ArgProblem } from "./argProblem";

/** Why `value` is not the ARM id of a resource of `type`. */
export function armIdProblems(propertyPath: string, value: string, type: string): ArgProblem[] {
  if (isArmIdOfType(value, type)) return [];
  const unsafe = unsafeSegmentOf(value);
  if (unsafe)
    return [
      {
        propertyPath,
        reason:
          `${shown(value)} has the segment ${shown(unsafe.segment)}, which ARM cannot take as one path segment: ` +
          `${unsafe.reason}; give the id of a ${type} as Azure shows it (az resource show --ids … --query id)`,
      },
    ];
  const parsed = parseArmId(value);
  const found = parsed ? `the id of a ${parsed.type}` : "not an ARM resource id";
  return [
    {
      propertyPath,
      reason: `${shown(value)} is ${found}; give the id of a ${type}, e.g. ${exampleId(type)}`,
    },
  ];
}

/** An id of `type` with placeholders: a child type names its parent too (`virtualNetworks/<name>/subnets/<name>`). */
function exampleId(type: string): string {
  const [namespace, ...types] = type.split("/");
  return `/subscriptions/<sub>/resourceGroups/<rg>/providers/${namespace}/${types.map((t) => `${t}/<name>`).join("/")}`;
}
