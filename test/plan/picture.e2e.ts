/**
 * The plan's page of every provided stack, opened in a real browser (Debian's `chromium`, headless; `.ci/run`
 * installs it) at 1400×900 and 800×900, and checked for what a person sees: the blocking node inside the first
 * screen at 1400×900, every subnet, endpoint and compute inside its cluster, no label under another node or
 * crossed by an edge, no horizontal overflow at 1400 px. The browser only checks the picture: producing it
 * needs none.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditEstate } from "../../plan/audit/auditEstate";
import { auditPage } from "../../plan/audit/auditPage";
import { providedStacks, startDocsPack } from "../../plan/docsPictures";
import { describeGraph } from "../../plan/graphDescription";
import { htmlReport } from "../../plan/htmlReport";
import { planStack, type PlanDocument } from "../../plan/plan";
import type { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { topologySvg } from "../../plan/topologySvg";
import { fixtureEstates, fixtureEstatesDir, runEstate } from "../audit/fixtureEstates";
import { framesPage, measuredPage, measuresOf, type PageMeasures } from "./pageMeasure";

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((f) => fs.existsSync(f));

/** Opens the frames page in one headless chromium and returns what each frame measured. */
function measureAll(file: string): Record<string, PageMeasures> {
  const dom = execFileSync(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--no-first-run",
      // The frames page reads its frames' measures (file:// pages are otherwise each their own origin).
      "--allow-file-access-from-files",
      // Nothing to fetch: the page is offline, and a request would fail here.
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--window-size=1400,900",
      "--dump-dom",
      `file://${file}`,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 240_000, maxBuffer: 256 * 1024 * 1024 },
  );
  return measuresOf(dom);
}

/** Each stack's Mermaid rendered by mermaid itself (its bundle from node_modules) in chromium: its width. */
function mermaidWidths(diagrams: Record<string, string>, dir: string): Record<string, number> {
  const bundle = require.resolve("mermaid/dist/mermaid.min.js");
  const page = path.join(dir, "mermaid.html");
  fs.writeFileSync(
    page,
    `<!DOCTYPE html><html><body><script src="file://${bundle}"></script><pre id="widths"></pre><script>
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
(async () => {
  const widths = {};
  for (const [stack, text] of Object.entries(${JSON.stringify(diagrams).replace(/</g, "\\u003c")})) {
    const { svg } = await mermaid.render("m" + Object.keys(widths).length, text);
    const holder = document.createElement("div");
    holder.innerHTML = svg;
    document.body.appendChild(holder);
    widths[stack] = holder.querySelector("svg").viewBox.baseVal.width;
  }
  document.getElementById("widths").textContent = JSON.stringify(widths);
})();
</script></body></html>`,
  );
  const dom = execFileSync(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--allow-file-access-from-files",
      "--host-resolver-rules=MAP * ~NOTFOUND",
      // Mermaid renders asynchronously: virtual time lets the page finish before the DOM is dumped.
      "--virtual-time-budget=60000",
      "--dump-dom",
      `file://${page}`,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const found = /<pre id="widths">([^<]*)<\/pre>/.exec(dom);
  if (!found?.[1]) throw new Error("mermaid rendered nothing");
  return JSON.parse(found[1].replace(/&quot;/g, '"')) as Record<string, number>;
}

const widths = [1400, 800];
/** The first screen's height: the frame's, since a headless window's viewport is shorter than the window. */
const screenHeight = 900;

describe("the plan's page in a real browser (headless chromium), every provided stack, and the audit's page", function () {
  this.timeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-pages-"));
  const plans: Record<string, PlanDocument> = {};
  const pages: Record<string, Record<number, PageMeasures>> = {};
  let session: PolicyPackSession;

  before(async function () {
    if (!chromium) throw new Error("chromium is not installed (apt-get install -y chromium; .ci/run does)");
    session = await startDocsPack();
    const frames: { name: string; file: string; width: number; height: number }[] = [];
    const addPage = (name: string, document: PlanDocument, html: string) => {
      plans[name] = document;
      const file = path.join(dir, `${name.replace(/\W+/g, "-")}.html`);
      fs.writeFileSync(file, measuredPage(html, document.topology));
      for (const width of widths)
        frames.push({ name: `${name}@${width}`, file, width, height: screenHeight });
    };
    for (const stack of providedStacks()) {
      const plan = await planStack(stack, { session });
      addPage(stack, plan, htmlReport(plan, await topologySvg(plan.topology, { inline: true })));
    }
    // The audit's pages of exported estates (a hub and spokes through a resolver; the same with a spoke that
    // lost its peering), checked the same way, and the plan's page of the program the broken one comes from.
    for (const name of ["hub-spoke-resolver", "spoke-without-peering"]) {
      const estate = fixtureEstates.find((e) => e.name === name)!;
      if (estate.without) {
        const { graph, stackTags } = await runEstate(estate);
        await session.configureStack(stackTags);
        const described = describeGraph(
          graph,
          { session, run: await session.check(graph) },
          { stack: estate.stack, stackTags },
        );
        const plan = { ...plans[estate.stack], ...described };
        addPage(
          `program of ${name}`,
          plan,
          htmlReport(plan, await topologySvg(plan.topology, { inline: true })),
        );
      }
      // As the audit's command starts its pack: no stack tags (the last stack's are still configured).
      await session.configureStack({});
      await session.configure(estate.packConfig ?? {});
      const files = path.join(fixtureEstatesDir, name);
      const audit = await auditEstate(
        fs.readdirSync(files).map((f) => path.join(files, f)),
        { session },
      );
      addPage(
        `audit of ${name}`,
        audit,
        auditPage(audit, await topologySvg(audit.topology, { inline: true })),
      );
    }
    const index = path.join(dir, "index.html");
    fs.writeFileSync(index, framesPage(frames));
    const began = performance.now();
    const measured = measureAll(index);
    process.stdout.write(
      `      browser check of ${frames.length} pages: ${Math.round(performance.now() - began)} ms\n`,
    );
    for (const stack of Object.keys(plans))
      pages[stack] = Object.fromEntries(widths.map((w) => [w, measured[`${stack}@${w}`]]));
  });

  after(async () => {
    await session?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the page was measured at the width asked", () => {
    for (const stack of Object.keys(plans)) {
      expect(pages[stack][1400].viewport.width, stack).to.equal(1400);
      expect(pages[stack][800].viewport.width, stack).to.equal(800);
    }
  });

  it("the blocking node is inside the first screen at 1400×900", () => {
    const blocked = Object.keys(plans).filter((s) => plans[s].findings.mandatory.length > 0);
    expect(blocked.length, "a provided stack with a mandatory finding").to.be.greaterThan(0);
    for (const stack of blocked) {
      const { blocking, viewport } = pages[stack][1400];
      expect(blocking.length, stack).to.be.greaterThan(0);
      for (const b of blocking) {
        expect(b.top, `${stack} ${b.anchor} top`).to.be.at.least(0);
        expect(viewport.height, stack).to.equal(screenHeight);
        expect(b.bottom, `${stack} ${b.anchor} bottom`).to.be.at.most(viewport.height);
        expect(b.right, `${stack} ${b.anchor} right`).to.be.at.most(viewport.width);
      }
    }
  });

  it("every subnet, endpoint and compute is drawn inside its cluster, at both widths", () => {
    for (const stack of Object.keys(plans))
      for (const width of widths) expect(pages[stack][width].outside, `${stack} @${width}`).to.deep.equal([]);
  });

  it("no label is under another node or crossed by an edge", () => {
    for (const stack of Object.keys(plans)) expect(pages[stack][1400].overlaps, stack).to.deep.equal([]);
  });

  it("Mermaid: no stack renders wider than 1,600 px (mermaid's own renderer)", () => {
    const checked = Object.keys(plans);
    const rendered = mermaidWidths(Object.fromEntries(checked.map((s) => [s, plans[s].diagram])), dir);
    expect(Object.keys(rendered).sort()).to.deep.equal(checked.sort());
    for (const [stack, width] of Object.entries(rendered)) expect(width, stack).to.be.within(100, 1600);
  });

  it("no horizontal overflow at 1400 px", () => {
    for (const stack of Object.keys(plans))
      expect(pages[stack][1400].scrollWidth, stack).to.be.at.most(pages[stack][1400].viewport.width);
  });
});
