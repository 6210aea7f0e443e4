/**
 * Same verdicts, same words: each fixture estate (a provided stack, maybe with a part taken away) is checked
 * twice by the real pack — as the plan checks the program's graph (its stack tags configured), and as the
 * audit reads the program's resources exported in Azure Resource Graph's shape (the tags' equivalent given as
 * pack config). Their findings agree: level, policy, the resource (by ARM id; an inline subnet is its VNet's
 * row in ARG) and the message, names aside. The committed fixture files are the ones the programs export.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parentArmId } from "../../policy/azure/armId";
import { auditEstate } from "../../plan/audit/auditEstate";
import { estateWords } from "../../plan/audit/estateWording";
import { compiledPack } from "../../plan/compiledPack";
import { groupFindings, type Findings } from "../../plan/findings";
import type { RecordedGraph } from "../../plan/mockRun";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { fixtureEstates, fixtureEstatesDir, runEstate } from "./fixtureEstates";
import { estateFiles } from "./writeFixtureEstates";

/**
 * `level policy @ ARM id: message` with every quoted name as '…' (the plan names by Pulumi name, the audit by
 * Azure's), and an inline subnet's label (`subnet 'x' of VNet 'y'`, the pack's own for a VNet's subnets) as a
 * subnet resource's.
 */
function comparable(findings: Findings, idOf: (urn: string) => string): string[] {
  return (["mandatory", "advisory"] as const)
    .flatMap((level) =>
      findings[level].map(
        (f) =>
          `${level} ${f.policy} @ ${idOf(f.urn)}: ${estateWords(azureFix(f.message))
            .replace(/'[^'\s]*'/g, "'…'")
            .split("subnet '…' of VNet '…'")
            .join("subnet '…'")}`,
      ),
    )
    .sort();
}

/**
 * The Azure-level fix of a message: a program's resource made by a component is told the component's argument
 * first (`Fix: PrivateCompute "build" → subnetId; in a raw program: …`, policy/pack/message.ts); an estate has no
 * components, so the pack tells it only the raw program's change — the same words.
 */
function azureFix(message: string): string {
  const fix = message.lastIndexOf(" Fix: ");
  const raw = message.indexOf("; in a raw program: ", fix);
  return fix < 0 || raw < 0 ? message : `${message.slice(0, fix)} Fix: ${message.slice(raw + 20)}`;
}

/** A subnet is a row of its own in a program and part of its VNet's row in ARG. */
function ownerId(id: string): string {
  return /\/subnets\/[^/]+$/i.test(id) ? parentArmId(id)!.toLowerCase() : id.toLowerCase();
}

describe("audit: the fixture estates give the plan's verdicts in the plan's words", function () {
  this.timeout(180_000);
  let session: PolicyPackSession;
  before(async () => {
    session = await PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
  });
  after(async () => session?.stop());

  for (const estate of fixtureEstates) {
    it(`${estate.name} (${estate.stack}): mandatory ${JSON.stringify(estate.mandatory)}, as the plan says`, async () => {
      const { graph, stackTags } = await runEstate(estate);
      await session.configure({});
      await session.configureStack(stackTags);
      const planned = groupFindings((await session.check(graph)).diagnostics);
      const idOfPlan = (g: RecordedGraph) => (urn: string) => ownerId(g.byUrn(urn)?.id ?? urn);

      const files = await estateFiles(estate.name);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-parity-"));
      for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, file), text);
        expect(fs.readFileSync(path.join(fixtureEstatesDir, estate.name, file), "utf8"), file).to.equal(text);
      }
      await session.configure(estate.packConfig ?? {});
      await session.configureStack({});
      const audited = await auditEstate(
        Object.keys(files).map((f) => path.join(dir, f)),
        { session },
      );
      const auditIds = new Map(audited.resources.map((r) => [r.urn, r.id ?? r.urn]));
      expect(audited.findings.mandatory.map((f) => f.policy)).to.deep.equal(estate.mandatory);
      expect(comparable(audited.findings, (urn) => ownerId(auditIds.get(urn) ?? urn))).to.deep.equal(
        comparable(planned, idOfPlan(graph)),
      );
    });
  }
});
