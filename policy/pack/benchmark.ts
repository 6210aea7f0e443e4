/**
 * The Microsoft cloud security benchmark (v3) controls the pack's rules serve, for the `framework` field
 * Pulumi Cloud shows on its findings pages. The mapping follows the benchmark's own Azure Policy
 * initiative (1f3afdf9-d0c9-4c3d-847f-89da613e70a8): network isolation of a service is NS-2, local
 * authentication IM-1; NS-1 covers segmentation (address spaces and subnets), PV-4 the configuration of
 * compute resources (idle shutdown).
 */
import type { PolicyComplianceFramework } from "@pulumi/policy";

const controls = {
  "NS-1": "Establish network segmentation boundaries",
  "NS-2": "Secure cloud services with network controls",
  "IM-1": "Use centralized identity and authentication system",
  "PV-4": "Audit and enforce secure configurations for compute resources",
} as const;

export type BenchmarkControl = keyof typeof controls;

/** The framework entry of one control. */
export function benchmark(control: BenchmarkControl): PolicyComplianceFramework {
  return {
    name: "Microsoft cloud security benchmark",
    version: "v3",
    reference: control,
    specification: controls[control],
  };
}
