/**
 * Issue 26 item 5: the text plan of the provided hub-spoke stack read at a glance — at most half its 221 lines
 * before the issue — while `--json` keeps every fact the text leaves out: the count of each resource type, each
 * endpoint's row (target, group ids, IPs, FQDNs, zones and links) and the path of each resolution row.
 */
import { expect } from "chai";
import { runCli } from "../../plan/planCommand";
import type { PlanDocument } from "../../plan/plan";
import { compiledPack } from "../../plan/compiledPack";
import { defaultPackDir } from "../../plan/plan";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { paragraphOf, unwrapped } from "./textParagraph";

/** `npm run -s plan -- hub-spoke | wc -l` before the issue (one-line rows, one-line counts: none yet). */
const linesBefore = 221;

async function cli(args: string[], session: PolicyPackSession): Promise<string> {
  let stdout = "";
  const code = await runCli(["hub-spoke", ...args], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    session,
  });
  expect(code, stdout).to.equal(0);
  return stdout;
}

describe("plan: the hub-spoke text plan at a glance, every fact in --json", function () {
  this.timeout(180_000);
  let session: PolicyPackSession;
  let text: string;
  let doc: PlanDocument;
  before(async () => {
    session = await PolicyPackSession.start({
      packDir: compiledPack(defaultPackDir).dir,
      project: "azureml-isolated",
    });
    text = await cli([], session);
    doc = JSON.parse(await cli(["--json"], session)) as PlanDocument;
  });
  after(async () => {
    await session?.stop();
  });

  it(`prints at most half of the ${linesBefore} lines it printed before`, () => {
    // The text ends with a newline: the lines are those `wc -l` counts.
    expect(text.split("\n").length - 1).to.be.at.most(Math.floor(linesBefore / 2));
  });

  it("--json keeps the count of every resource type, and the text's counts agree with it", () => {
    const byType = new Map<string, number>();
    for (const r of doc.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    expect(doc.counts.byType).to.deep.equal(
      Object.fromEntries([...byType].sort(([a], [b]) => (a < b ? -1 : 1))),
    );
    expect(Object.keys(doc.counts.byType)).to.have.length(27);
    expect(doc.counts.total).to.equal(56);
    const counts = unwrapped(paragraphOf(text, "Resources by type"));
    expect(counts).to.match(/^Resources by type, 56 to create: /);
    const own = (type: string) => type.slice(type.lastIndexOf(":") + 1);
    expect(counts.slice(counts.indexOf(": ") + 2).split(", ")).to.have.members(
      [...byType].map(([type, n]) => `${n} ${own(type)}`),
    );
  });

  it("--json keeps every endpoint row whole: target, group ids, private IPs, FQDNs, zones and links", () => {
    const endpoints = doc.resources
      .filter((r) => r.type === "azure-native:network:PrivateEndpoint")
      .map((r) => r.name);
    const rows = doc.vnets.flatMap((t) => t.rows);
    expect(rows.map((r) => r.endpoint).sort()).to.deep.equal(endpoints.sort());
    expect(rows).to.have.length(5);
    for (const r of rows) {
      expect(r.targets, r.endpoint).to.have.length(1);
      expect(r.groupIds, r.endpoint).to.have.length(1);
      expect(r.privateIps.length, r.endpoint).to.be.greaterThan(0);
      expect(
        r.dns.map((d) => d.ipAddresses.length > 0 && d.fqdn !== ""),
        r.endpoint,
      ).not.to.include(false);
      expect(
        r.zones.map((z) => z.linked),
        r.endpoint,
      ).to.deep.equal(r.zones.map(() => true));
      // The text has the endpoint on one line with its target, group id and every IP.
      expect(text).to.contain(r.endpoint);
      const line = text.split("\n").find((l) => l.trimStart().startsWith(`${r.endpoint} `))!;
      const spaced = line.replace(/ +/g, " ");
      expect(spaced.endsWith(` ${r.groupIds[0]} ${r.privateIps.join(", ")}`), line).to.equal(true);
    }
    const workspace = rows.find((r) => r.groupIds[0] === "amlworkspace")!;
    expect(workspace.dns.map((d) => d.fqdn)).to.have.length(3);
    expect(workspace.zones.map((z) => z.zone)).to.deep.equal([
      "privatelink.api.azureml.ms",
      "privatelink.notebooks.azure.net",
    ]);
  });

  it("--json keeps the path of every resolution row, which the text prints only for a row not ok", () => {
    const rows = doc.vnets.flatMap((t) => t.resolution);
    expect(rows).to.have.length(18);
    for (const r of rows) {
      expect(r.status).to.equal("ok");
      expect(r.via).to.match(/resolves through/);
      expect(text).not.to.contain(r.via);
    }
  });
});
