/**
 * The pack's findings grouped by enforcement level, as the CLI prints them after a preview: mandatory
 * ones fail the run, advisory ones are shown.
 */
import type { PolicyDiagnostic } from "./policy/policyPackSession";

export interface Finding {
  policy: string;
  urn: string;
  type: string;
  name: string;
  message: string;
}

export interface Findings {
  mandatory: Finding[];
  advisory: Finding[];
}

/** Type and name of a URN (`urn:pulumi:<stack>::<project>::<parent types$>type::<name>`). */
export function urnParts(urn: string): { type: string; name: string } {
  const [, , qualifiedType = "", ...name] = urn.split("::");
  return { type: qualifiedType.split("$").pop() ?? "", name: name.join("::") };
}

export function groupFindings(diagnostics: readonly PolicyDiagnostic[]): Findings {
  const findings: Findings = { mandatory: [], advisory: [] };
  for (const d of diagnostics) {
    if (d.enforcementLevel !== "mandatory" && d.enforcementLevel !== "advisory") continue;
    findings[d.enforcementLevel].push({
      policy: d.policyName,
      urn: d.urn,
      ...urnParts(d.urn),
      message: d.message,
    });
  }
  return findings;
}
