import { expect } from "chai";
import * as path from "path";
import { runOnMocks } from "../../plan/mockRun";
import { PolicyPackSession, type PolicyRun } from "../../plan/policy/policyPackSession";
import { probeProgram } from "./probeProgram";

const packDir = path.join(__dirname, "fixtures", "probe-pack");

function only(run: PolicyRun, policyName: string) {
  const found = run.diagnostics.filter((d) => d.policyName === policyName);
  expect(found, policyName).to.have.length(1);
  return found[0];
}

/** The pack's output after the first `from` lines: stdout is a pipe, so lines may trail the RPC reply. */
async function linesAfter(from: number): Promise<string[]> {
  for (let waited = 0; session.logs().output.length <= from && waited < 2_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return session
    .logs()
    .output.slice(from)
    .map((o) => o.line);
}

let session: PolicyPackSession;

describe("policy pack served through run-policy-pack (probe pack)", () => {
  let pid: number;

  before(async () => {
    session = await PolicyPackSession.start({ packDir });
    pid = session.pid;
  });

  after(async () => {
    await session?.stop();
  });

  it("describes its policies, levels and config schemas through GetAnalyzerInfo", () => {
    expect(session.info.name).to.equal("probe-pack");
    expect(session.info.version).to.equal("0.0.1");
    expect(session.info.policies.map((p) => [p.name, p.kind, p.enforcementLevel])).to.deep.equal([
      ["pe-subnet", "resource", "mandatory"],
      ["pe-links", "stack", "advisory"],
    ]);
    expect(session.info.policies[0].configSchema?.properties.label).to.deep.equal({
      type: "string",
      default: "subnet",
    });
    expect(session.config["pe-subnet"]).to.deep.equal({
      enforcementLevel: "mandatory",
      properties: { label: "subnet" },
    });
  });

  it("at preview, an id from the same stack arrives as unknown and the link only through propertyDependencies", async () => {
    const { graph } = await runOnMocks(probeProgram, { preview: true });
    const run = await session.check(graph);
    const pe = graph.named("pe").urn;

    const subnet = only(run, "pe-subnet");
    expect(subnet).to.include({ enforcementLevel: "mandatory", urn: pe, source: "analyze" });
    expect(subnet.message).to.match(/\nsubnet unknown provider=default_3_\d+_\d+$/);

    const links = only(run, "pe-links");
    expect(links).to.include({ enforcementLevel: "advisory", urn: pe, source: "analyzeStack" });
    expect(links.message).to.match(/\nsubnet from \[snet\] parent=pulumi:pulumi:Stack$/);
    expect(run.stackAnalyzed).to.equal(true);
  });

  it("after update, the same graph carries the known ARM id, and AnalyzeStack sees every resource", async () => {
    const { graph } = await runOnMocks(probeProgram);
    const before = session.logs().output.length;
    const run = await session.check(graph);

    expect(only(run, "pe-subnet").message).to.contain(`\nsubnet ${graph.named("snet").id} provider=`);
    expect(only(run, "pe-links").message).to.contain("subnet from [snet]");
    // The stack, the engine's default provider and the four custom resources, printed by the stack policy.
    const printed = await linesAfter(before);
    expect(printed).to.deep.equal([
      'pe-links saw {"pulumi:pulumi:Stack":1,"pulumi:providers:azure-native":1,' +
        '"azure-native:resources:ResourceGroup":1,"azure-native:network:VirtualNetwork":1,' +
        '"azure-native:network:Subnet":1,"azure-native:network:PrivateEndpoint":1}',
    ]);
  });

  it("keeps the pack's process alive between checks and stops it on stop()", () => {
    expect(() => process.kill(pid, 0)).not.to.throw();
  });
});
