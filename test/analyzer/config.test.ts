import { expect } from "chai";
import * as path from "path";
import { runOnMocks } from "../../plan/mockRun";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { probeProgram } from "./probeProgram";

const packDir = path.join(__dirname, "fixtures", "probe-pack");

describe("policy pack config and update semantics (probe pack)", () => {
  let session: PolicyPackSession | undefined;

  before(async () => {
    // As `pulumi up --policy-pack-config cfg.json`: levels swapped, a config property overridden.
    session = await PolicyPackSession.start({
      packDir,
      dryRun: false,
      policyConfig: { "pe-subnet": { enforcementLevel: "advisory", label: "net" }, "pe-links": "mandatory" },
    });
  });

  after(async () => {
    await session?.stop();
  });

  it("applies enforcement-level overrides and config properties through Configure", async () => {
    const { graph } = await runOnMocks(probeProgram);
    const run = await session!.check(graph);
    const levels = Object.fromEntries(run.diagnostics.map((d) => [d.policyName, d.enforcementLevel]));
    expect(levels).to.deep.equal({ "pe-subnet": "advisory", "pe-links": "mandatory" });
    expect(run.diagnostics.find((d) => d.policyName === "pe-subnet")!.message).to.match(
      /\nnet \/subscriptions\//,
    );
  });

  it("refuses config naming a policy the pack does not have, like the CLI", async () => {
    let error: Error | undefined;
    try {
      await PolicyPackSession.start({ packDir, policyConfig: { "no-such-policy": "mandatory" } });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.contain('unknown policy "no-such-policy"');
  });

  it("stops the pack's process", async () => {
    const pid = session!.pid;
    await session!.stop();
    session = undefined;
    expect(() => process.kill(pid, 0)).to.throw(/ESRCH/);
  });
});
