/**
 * The security benchmark controls the pack's policies serve, for the `framework` field Pulumi Cloud shows
 * on its findings pages: the one table of them. The controls are Azure Security Benchmark v3's, the ids
 * under which Azure Policy's "Microsoft cloud security benchmark" initiative
 * (1f3afdf9-d0c9-4c3d-847f-89da613e70a8, Azure/azure-policy release 3.2026.0417.1) groups its definitions
 * (`Azure_Security_Benchmark_v3.0_NS-2`...); the Microsoft cloud security benchmark v1 kept those ids (its
 * NS-2 reads "Secure cloud native services with network controls"). There is no benchmark "v3" of MCSB.
 *
 * Per control: the built-ins of the parity table (azure/builtins.ts) the initiative itself groups under it,
 * and what this project maps to it without the initiative saying so.
 */
import type { PolicyComplianceFramework } from "@pulumi/policy";

interface Control {
  title: string;
  /** Built-ins of the parity table that the initiative groups under this control. */
  initiative: readonly string[];
  /** This project's choice: what it maps here that the initiative does not. */
  projectChoice: string;
}

export const benchmarkControls = {
  "NS-1": {
    title: "Establish network segmentation boundaries",
    initiative: [],
    projectChoice: "address-space overlap and endpoint subnet policies (segmentation of the VNets)",
  },
  "NS-2": {
    title: "Secure cloud services with network controls",
    initiative: [
      "438c38d2-3772-465a-a9cc-7a6666a275ce",
      "45e05259-1eb5-4f70-9574-baf73e9d219b",
      "7804b5c7-01dc-4723-969b-ae300cc07ff1",
      "34c877ad-507e-4c82-993e-3452a6e0ad3c",
      "2a1a9cdf-e04d-429a-8416-3bfb72a1b26f",
      "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751",
      "6edd7eda-6dd8-40f7-810d-67160c639cd9",
      "55615ac9-af46-4a59-874e-391cc3dfb490",
      "a6abeaec-4d90-4a02-805f-6b26c4d3fbe9",
      "d0793b48-0edc-4296-a390-4c75d1bdfd71",
      "e8eef0a8-67cf-4eb4-9386-14b0e78733d4",
    ],
    projectChoice:
      "subnets (7bca8353) and network interfaces (83a86a26), the other public-access, private-link, DNS and managed-network built-ins, and the pack's own network rules",
  },
  "IM-1": {
    title: "Use centralized identity and authentication system",
    initiative: ["e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f"],
    projectChoice: "the Modify twin a6f9a2d0",
  },
  "PV-4": {
    title: "Audit and enforce secure configurations for compute resources",
    initiative: [],
    projectChoice: "compute instance idle shutdown (679ddf89)",
  },
  "AM-1": {
    title: "Track asset inventory and their risks",
    initiative: [],
    projectChoice: "governed resources the pack cannot read",
  },
} as const satisfies Record<string, Control>;

export type BenchmarkControl = keyof typeof benchmarkControls;

/** The framework entry of one control. */
export function benchmark(control: BenchmarkControl): PolicyComplianceFramework {
  return {
    name: "Azure Security Benchmark",
    version: "v3",
    reference: control,
    specification: benchmarkControls[control].title,
  };
}
