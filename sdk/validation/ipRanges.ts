/** Checks of a selected-IP allow list, by the shared workspace IP rule rules. */
import { ipRuleProblems } from "../../policy/azure/ipRules";
import { shown, type ArgProblem } from "./argProblem";

/** Every bad entry of `values` (reported with its index) and the count limit. */
export function ipRangeProblems(propertyPath: string, values: readonly string[]): ArgProblem[] {
  const indexOf = new Map<string, number>();
  values.forEach((v, i) => indexOf.set(v, indexOf.get(v) ?? i));
  return ipRuleProblems(values).map((p) => {
    const index = indexOf.get(p.value);
    return index === undefined
      ? { propertyPath, reason: `${p.value} after de-duplication: ${p.reason}` }
      : {
          propertyPath: `${propertyPath}[${index}]`,
          reason: `${shown(p.value)} is not allowed: ${p.reason}`,
        };
  });
}
