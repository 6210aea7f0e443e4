/**
 * A component's name starts the names of its children (`<name>-resolver`), and Pulumi's auto-names of those
 * children become segments of their ARM paths: the name must be one path segment.
 */
import { pathSegmentProblem } from "../../policy/azure/pathSegment";
import { shown, type ArgProblem } from "./argProblem";

/** Why `name` cannot start the Azure names of a component's children. */
export function componentNameProblems(name: string): ArgProblem[] {
  const reason = typeof name === "string" ? pathSegmentProblem(name) : "it is not a string";
  if (reason === undefined) return [];
  return [
    {
      propertyPath: "name",
      reason:
        `${shown(name)} starts the Azure names of the component's children (${shown(`${name}-…`)}), which ARM ` +
        `takes as one path segment, but ${reason}; name the component with letters, digits, '-', '_' and '.'`,
    },
  ];
}
