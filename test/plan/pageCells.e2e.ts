/**
 * The page's table cells break between words, never inside one: opened in headless chromium at three widths, no
 * run of letters and digits in a cell, nor an IP address or a verdict, is laid out over two lines (the style once
 * broke `10.1.1.` / `4` and `unknow` / `n`). Breaks after `.`, `/` and `-` (between a name's labels) are allowed.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { htmlReport } from "../../plan/htmlReport";
import { planStack } from "../../plan/plan";
import { topologySvg } from "../../plan/topologySvg";

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((f) => fs.existsSync(f));

/** Runs in the page: every word of a table cell (and every IP or verdict) that spans two lines. */
function brokenWords(): string[] {
  const lines = (range: Range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  const broken: string[] = [];
  for (const cell of document.querySelectorAll("td:not(.tree), th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent!.matchAll(/[\p{L}\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index!);
        range.setEnd(node, word.index! + word[0].length);
        if (lines(range) > 1) broken.push(word[0]);
      }
    }
  }
  for (const whole of document.querySelectorAll(".nowrap, td[class^='verdict-']")) {
    const range = document.createRange();
    range.selectNodeContents(whole);
    if (lines(range) > 1) broken.push(whole.textContent!);
  }
  return broken;
}

function brokenAt(page: string, width: number): string[] {
  const dom = execFileSync(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--host-resolver-rules=MAP * ~NOTFOUND",
      `--window-size=${width},900`,
      "--dump-dom",
      `file://${page}`,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 240_000, maxBuffer: 256 * 1024 * 1024 },
  );
  const found = /<pre id="broken">([^<]*)<\/pre>/.exec(dom);
  if (!found) throw new Error("the page measured nothing");
  return JSON.parse(found[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as string[];
}

describe("the page's table cells in a real browser (headless chromium)", function () {
  this.timeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cells-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const preview of [false, true]) {
    it(`hub-spoke${preview ? " at preview (unknown IPs)" : ""}: no word, IP or verdict broken over two lines`, async () => {
      if (!chromium) throw new Error("chromium is not installed (apt-get install -y chromium; .ci/run does)");
      const doc = await planStack("hub-spoke", { preview, policyPack: false });
      const page = path.join(dir, `hub-spoke-${preview}.html`);
      const script = `<pre id="broken"></pre><script>document.getElementById("broken").textContent = JSON.stringify((${brokenWords.toString()})());</script>`;
      fs.writeFileSync(
        page,
        htmlReport(doc, await topologySvg(doc.topology, { inline: true })).replace(
          "</body>",
          `${script}</body>`,
        ),
      );
      for (const width of [1400, 1100, 800]) expect(brokenAt(page, width), `${width} px`).to.deep.equal([]);
    });
  }
});
