/** Azure Machine Learning resource names. */
import { shown, type ArgProblem } from "./argProblem";

/** ARM's pattern for a workspace name (Microsoft.MachineLearningServices/workspaces). */
export const workspaceNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;

/** Why `value` is not a valid workspace name. */
export function workspaceNameProblems(propertyPath: string, value: string): ArgProblem[] {
  if (workspaceNamePattern.test(value)) return [];
  return [
    {
      propertyPath,
      reason:
        `${shown(value)} is not a valid workspace name; use 3 to 33 characters: letters, digits, '_' and '-', ` +
        `starting with a letter or digit (${workspaceNamePattern.source})`,
    },
  ];
}

/**
 * Compute names as Azure Machine Learning accepts them for clusters and instances: a letter first, then
 * letters, digits and hyphens, 2 to 24 characters, not ending with a hyphen.
 */
export const computeNamePattern = /^[a-zA-Z](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])$/;

/** Why `value` is not a valid compute name. */
export function computeNameProblems(propertyPath: string, value: string): ArgProblem[] {
  if (computeNamePattern.test(value)) return [];
  return [
    {
      propertyPath,
      reason:
        `${shown(value)} is not a valid compute cluster name; use 2 to 24 letters, digits and hyphens, ` +
        `starting with a letter and not ending with a hyphen`,
    },
  ];
}
