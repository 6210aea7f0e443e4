/**
 * The managed-network rules through the real pack over the Analyzer protocol, on raw azure-native v3
 * programs writing the managed network inline on a typed workspace, in a generic workspace body, or as
 * rule resources; at preview, after update, and with children naming the workspace and storage literally.
 * Run from realPack.e2e.ts, which serves the pack once for all its Analyzer-protocol programs.
 */
import { expect } from "chai";
import { discoveredGraph } from "./discoveredForm";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyPackSession, PolicyRun } from "../../plan/policy/policyPackSession";
import { stackRules } from "../../policy/policies";
import {
  managedNetworkForms,
  managedNetworkWorkspaces,
  prefixOf,
  type ManagedNetworkArgs,
} from "./programs/managedNetworkWorkspace";

const managedNetworkRules = new Set(
  stackRules
    .map((r) => r.name)
    .filter((n) => n.startsWith("managed-network-") || n.includes("isolation-mode")),
);

/** Findings as `level policy @ logical name`: every mandatory one, and the managed-network advisory ones. */
function findings(run: PolicyRun, graph: RecordedGraph): string[] {
  return run.diagnostics
    .filter((d) => d.enforcementLevel === "mandatory" || managedNetworkRules.has(d.policyName))
    .map((d) => `${d.enforcementLevel} ${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
    .sort();
}

/**
 * What a bad variant must produce (good ones produce nothing); the FQDN rule is reported where it is
 * declared: on the workspace when inline, on its own resource otherwise.
 */
function badFindings(args: ManagedNetworkArgs): string[] {
  const at = (name: string) => `${prefixOf(args)}-${name}`;
  return [
    `advisory managed-network-batch-endpoint-storage-rules @ ${at("batch")}`,
    `advisory managed-network-deployment-egress-flag @ ${at("blue")}`,
    `advisory workspace-managed-network-isolation-mode @ ${at("mlw")}`,
    `mandatory managed-network-compute-subnet @ ${at("cpu-cluster")}`,
    `mandatory managed-network-outbound-rule-types @ ${at(args.form === "resources" ? "pypi" : "mlw")}`,
    `mandatory managed-network-unsupported-compute @ ${at("attached-aks")}`,
    // The selected-IP rules keep working on a managed-network workspace.
    ...(args.form === "generic"
      ? [
          `mandatory batch-endpoint-in-selected-ip-workspace @ ${at("batch")}`,
          `mandatory online-endpoint-public-with-selected-ips @ ${at("scoring")}`,
        ]
      : []),
  ];
}

const variants = (link: ManagedNetworkArgs["link"], bad: boolean[]): ManagedNetworkArgs[] =>
  managedNetworkForms.flatMap((form) => bad.map((b) => ({ form, link, bad: b })));

/**
 * The typed Workspace fills `managedNetwork` defaults in an `apply`, so at preview one unknown inside it (a
 * private endpoint rule's `storage.id`) makes the whole input unknown: the pack cannot see the mode and
 * reports nothing rather than guess. Rules as resources, or literal ids, keep the mode visible.
 */
const hiddenAtPreview = (v: ManagedNetworkArgs) => v.form === "typed" && v.link === "outputs";

const runs: { name: string; preview: boolean; variants: ManagedNetworkArgs[] }[] = [
  {
    name: "preview, children linked by outputs or by literal names and ids",
    preview: true,
    variants: [
      ...variants("outputs", [true, false]).filter((v) => v.bad || !hiddenAtPreview(v)),
      ...variants("literal", [true]),
    ],
  },
  { name: "after update", preview: false, variants: variants("outputs", [true, false]) },
];

export function managedNetworkSuite(
  sessions: () => { preview: PolicyPackSession; update: PolicyPackSession },
) {
  describe("managed-network rules on typed, generic and rule-resource workspaces", () => {
    for (const r of runs) {
      it(`${r.name} (${r.variants.map(prefixOf).join(", ")}): exactly the bad variants' findings`, async () => {
        const recorded = await runOnMocks(managedNetworkWorkspaces(r.variants), { preview: r.preview });
        const { graph } = recorded;
        const run = await sessions()[r.preview ? "preview" : "update"].check(graph);
        expect(run.stackAnalyzed).to.equal(true);
        const hidden = r.variants.filter((v) => r.preview && hiddenAtPreview(v));
        const shown = r.variants.filter((v) => v.bad && !hidden.includes(v));
        expect(findings(run, graph)).to.deep.equal(shown.flatMap(badFindings).sort());
        if (!r.preview) {
          // The same resources as an audit policy group discovers them in the account.
          const discovered = discoveredGraph(recorded);
          const audit = await sessions().update.check(discovered);
          expect(findings(audit, discovered), "discovered in the account").to.deep.equal(
            shown.flatMap(badFindings).sort(),
          );
        }
        for (const v of hidden)
          expect(graph.named(`${prefixOf(v)}-mlw`).inputs.managedNetwork).to.not.have.property(
            "isolationMode",
          );
      });
    }
  });
}
