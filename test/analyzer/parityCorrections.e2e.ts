/**
 * The Azure Policy parity corrections through the real pack over the Analyzer protocol, at enforcement level
 * `remediate` for the two Modify twins, with the landing zone's private DNS declared: which computes the
 * local-auth and public-IP built-ins judge, the Azure Red Hat OpenShift storage exclusion, the classic
 * storage account's own input in the blob-access remediation and message, the classic NIC, classic input
 * names in fix texts, and manual connections outside Azure Policy's private DNS built-ins. In preview, update
 * and literal-id forms, and (azure-native resources only) discovered in the account.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { parityCorrections } from "./programs/parityCorrections";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

const policies = new Set([
  "compute-local-auth-disabled",
  "compute-no-public-ip",
  "storage-blob-public-access-disallowed",
  "nic-no-public-ip",
  "endpoint-dns-zone-group",
]);

const forms = [
  { name: "preview", preview: true, literal: false, discovered: false },
  { name: "after update", preview: false, literal: false, discovered: false },
  { name: "literal ids (preview)", preview: true, literal: true, discovered: false },
  { name: "discovered in the account", preview: false, literal: false, discovered: true },
];

/**
 * What the program must get, as `policy @ logical name`; classic resources are not discovered. At preview
 * through outputs, `imageregistryplain`'s resource group is unknown, so whether it is OpenShift's cannot be
 * told and it is left out (it is judged at the update).
 */
function expectedFindings(form: (typeof forms)[number]): string[] {
  const classic = [
    "compute-local-auth-disabled @ classic-cluster",
    "compute-no-public-ip @ classic-cluster",
    "nic-no-public-ip @ classic-nic-public",
    "storage-blob-public-access-disallowed @ classic-st",
  ];
  return [
    "compute-local-auth-disabled @ cluster-localauth",
    "compute-local-auth-disabled @ instance-ssh",
    "compute-no-public-ip @ cluster-localauth",
    // The landing zone writes the automatic endpoint's zone group; the manual one's stays the program's.
    "endpoint-dns-zone-group @ pe-auto-dns",
    ...(form.preview && !form.literal ? [] : ["storage-blob-public-access-disallowed @ imageregistryplain"]),
    ...(form.discovered ? [] : classic),
  ].sort();
}

/** Default levels, and the two Modify twins' policies at `remediate` (which reports no violation). */
let sessions: { report: RealPackSessions; remediate: RealPackSessions };

async function run(
  form: (typeof forms)[number],
  mode: keyof typeof sessions = "report",
): Promise<{ graph: RecordedGraph; result: PolicyRun }> {
  const recorded = await runOnMocks(parityCorrections({ literal: form.literal }), { preview: form.preview });
  const graph = form.discovered ? discoveredGraph(recorded) : recorded.graph;
  const result = await sessions[mode][form.preview ? "preview" : "update"].check(graph);
  expect(result.stackAnalyzed).to.equal(true);
  return { graph, result };
}

describe("Azure Policy parity corrections over the Analyzer protocol", function () {
  this.timeout(60_000);

  before(async () => {
    const landingZone = { "endpoint-dns-zone-group": { privateDns: "azure-policy" } };
    const remediate = {
      ...landingZone,
      "compute-local-auth-disabled": { enforcementLevel: "remediate" as const },
      "storage-blob-public-access-disallowed": { enforcementLevel: "remediate" as const },
    };
    const [report, remediating] = await Promise.all([startRealPack(landingZone), startRealPack(remediate)]);
    sessions = { report, remediate: remediating };
  });

  after(() => stopRealPack(sessions?.report, sessions?.remediate));

  for (const form of forms) {
    it(`${form.name}: exactly the resources the built-ins judge are flagged`, async () => {
      const { graph, result } = await run(form);
      const found = result.diagnostics
        .filter((d) => policies.has(d.policyName))
        .map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
        .sort();
      expect(found).to.deep.equal(expectedFindings(form));
    });

    if (form.discovered) continue;
    it(`${form.name}: remediations write each resource's own inputs, and only where the built-ins apply`, async () => {
      const { graph, result } = await run(form, "remediate");
      const remediated = Object.fromEntries(
        Object.entries(result.remediated).map(([urn, inputs]) => [graph.byUrn(urn)?.name ?? urn, inputs]),
      );
      const judgedAtPreview = !form.preview || form.literal;
      expect(Object.keys(remediated).sort()).to.deep.equal([
        "classic-cluster",
        "classic-st",
        "cluster-localauth",
        ...(judgedAtPreview ? ["imageregistryplain"] : []),
        "instance-ssh",
      ]);
      expect(remediated["cluster-localauth"].properties).to.include({ disableLocalAuth: true });
      expect(remediated["instance-ssh"].properties).to.include({ disableLocalAuth: true });
      expect(remediated["classic-cluster"]).to.include({ localAuthEnabled: false });
      expect(remediated["classic-cluster"]).to.not.have.property("disableLocalAuth");
      if (judgedAtPreview)
        expect(remediated["imageregistryplain"]).to.include({ allowBlobPublicAccess: false });
      expect(remediated["classic-st"]).to.include({ allowNestedItemsToBePublic: false });
      expect(remediated["classic-st"]).to.not.have.property("allowBlobPublicAccess");
    });

    it(`${form.name}: fix texts name the classic resources' own inputs`, async () => {
      const { graph, result } = await run(form);
      const messageOf = (policy: string, name: string) =>
        result.diagnostics.find((d) => d.policyName === policy && graph.byUrn(d.urn)?.name === name)?.message;
      expect(messageOf("compute-local-auth-disabled", "classic-cluster")).to.contain(
        "localAuthEnabled to false",
      );
      expect(messageOf("compute-no-public-ip", "classic-cluster")).to.contain("nodePublicIpEnabled to false");
      expect(messageOf("storage-blob-public-access-disallowed", "classic-st")).to.contain(
        "allowNestedItemsToBePublic to false",
      );
      expect(messageOf("compute-local-auth-disabled", "cluster-localauth")).to.contain(
        "properties.disableLocalAuth to true",
      );
    });
  }
});
