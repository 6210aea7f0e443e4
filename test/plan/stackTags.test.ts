/** Stack tags reach the offline plan's pack as the CLI sends them: from the stack file's `pulumi:tags` config. */
import { expect } from "chai";
import * as path from "path";
import { startDocsPack } from "../../plan/docsPictures";
import { planStack, type PlanDocument } from "../../plan/plan";
import type { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { resolveTarget } from "../../plan/planTarget";
import { endpointZoneGroups } from "../../policy/rules/endpointZoneGroups";
import { resolveStackConfig, stackTagsOf } from "../../plan/stackConfig";

describe("stack tags from pulumi:tags", () => {
  it("reads the provided landing-zone-dns stack's tag declaring its private DNS", () => {
    const target = resolveTarget("landing-zone-dns", { cwd: path.resolve(__dirname, "../..") });
    expect(target.stackTags).to.deep.equal({ "azureml:private-dns": "azure-policy" });
    expect(resolveTarget("single-vnet", { cwd: path.resolve(__dirname, "../..") }).stackTags).to.deep.equal(
      {},
    );
  });

  it("takes the project's tags (a `value:` declaration) unless the stack file sets its own", () => {
    const project = { "pulumi:tags": { value: { team: "ml" } } };
    expect(stackTagsOf(resolveStackConfig("p", project, {}).config)).to.deep.equal({ team: "ml" });
    const stack = { "pulumi:tags": { team: "data", "azureml:private-dns": "custom-dns" } };
    expect(stackTagsOf(resolveStackConfig("p", project, stack).config)).to.deep.equal({
      team: "data",
      "azureml:private-dns": "custom-dns",
    });
  });

  it("refuses pulumi:tags that is not a map", () => {
    const { config } = resolveStackConfig("p", {}, { "pulumi:tags": ["a", "b"] });
    expect(() => stackTagsOf(config)).to.throw(/pulumi:tags must be a map of tag names to values/);
  });
});

describe("the plan's private DNS note follows the pack's decision", function () {
  this.timeout(120_000);
  let session: PolicyPackSession;
  before(async () => (session = await startDocsPack()));
  after(() => session.stop());

  const noteOf = (doc: PlanDocument) => ({
    note: doc.topology.nodes.some((n) => n.id === "dns-records"),
    tables: doc.vnets.map((v) => v.dnsRecordsBy !== undefined),
    zoneGroupFinding: doc.findings.mandatory.some((f) => f.policy === endpointZoneGroups.name),
  });

  it("the stack tag declares Azure Policy: the note says so and the pack asks for no zone groups", async () => {
    await session.configure({});
    expect(noteOf(await planStack("landing-zone-dns", { session }))).to.deep.equal({
      note: true,
      tables: [true, true],
      zoneGroupFinding: false,
    });
  });

  it("the pack config overrides the tag (program): no note, and the pack asks for the zone groups", async () => {
    await session.configure({ [endpointZoneGroups.name]: { privateDns: "program" } });
    expect(noteOf(await planStack("landing-zone-dns", { session }))).to.deep.equal({
      note: false,
      tables: [false, false],
      zoneGroupFinding: true,
    });
  });
});
