/**
 * Secrets through the Analyzer protocol (the real pack, sent the program's resources as the CLI sends them:
 * secrets in their signature envelope) and through the plan (every table, picture and page): a secret FQDN
 * destination `host:8443` and a secret IP rule are reported, and neither they nor their parts appear.
 */
import { expect } from "chai";
import * as path from "path";
import { compiledPack } from "../../plan/compiledPack";
import { htmlReport } from "../../plan/htmlReport";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import { planProgram } from "../../plan/plan";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { programOf } from "../../plan/programEntry";
import { textReport } from "../../plan/textReport";
import { topologySvg } from "../../plan/topologySvg";

const fixture = path.join(__dirname, "..", "plan", "fixtures", "secrets");
const host = "partner-gateway.example.net";
const range = "10.77.66.0/24";
const config = {
  "secrets-fixture:partnerHost": `${host}:8443`,
  "secrets-fixture:adminRange": range,
};
/** Every secret text and the parts of them a message could quote. */
const revealing = [host, "8443", "10.77.66", "partner-gateway"];

function expectNoSecret(text: string, where: string): void {
  for (const secret of revealing) expect(text, `${where} shows ${secret}`).to.not.include(secret);
}

describe("secrets stay secret (real pack, Analyzer protocol, and the plan)", function () {
  this.timeout(120_000);
  let session: PolicyPackSession;
  const graphs: Record<string, RecordedGraph> = {};

  before(async () => {
    const starting = PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
    for (const preview of [true, false]) {
      const { graph } = await runOnMocks(programOf(path.join(fixture, "index.ts")), {
        preview,
        project: "secrets-fixture",
        stack: "dev",
        config,
        secretKeys: Object.keys(config),
      });
      graphs[String(preview)] = graph;
    }
    session = await starting;
  });

  after(async () => {
    await session?.stop();
  });

  for (const preview of [true, false]) {
    it(`${preview ? "preview" : "update"}: the pack reports the port and the IP rule, printing [secret] for the values`, async () => {
      const run = await session.check(graphs[String(preview)]);
      const messages = run.diagnostics.map((d) => `${d.policyName}: ${d.message}`);
      const port = messages.find((m) => m.startsWith("managed-network-outbound-rule-types:"));
      expect(port).to.include(
        "outbound rule 'partner' of ML workspace 'mlw' reaches port [secret] of '[secret]'",
      );
      const ip = messages.find((m) => m.startsWith("workspace-ip-rules-valid:"));
      expect(ip).to.include(
        "has an invalid IP rule in networkAcls: '[secret]': it overlaps 10.0.0.0/8 (private)",
      );
      // The documents quoted keep their words.
      expect(port).to.include('"FQDN outbound rules only support ports 80 and 443."');
      expectNoSecret(messages.join("\n"), "the pack's messages");
    });
  }

  it("the plan's document, text report, diagram, SVG and page print [secret] for them", async () => {
    const doc = await planProgram(fixture, { stack: "dev", session });
    const rule = doc.managedNetworks
      .find((t) => t.workspace === "mlw")
      ?.rules.find((r) => r.name === "partner");
    expect(rule?.destination).to.equal("[secret]");
    const svg = await topologySvg(doc.topology);
    const outputs: Record<string, string> = {
      json: JSON.stringify({ ...doc, timings: undefined }),
      text: textReport(doc),
      mermaid: doc.diagram,
      svg,
      html: htmlReport(doc, svg),
    };
    for (const [format, text] of Object.entries(outputs)) {
      expectNoSecret(text, format);
      expect(text, format).to.include("[secret]");
    }
  });
});
