import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { programEntry } from "../../plan/programEntry";

/** A program directory with these files (path → content). */
function program(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-entry-"));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe("the program entry, found as the Node.js language host finds it", () => {
  it("falls back to the directory's index when package.json main is not built yet", () => {
    const dir = program({ "package.json": JSON.stringify({ main: "bin/index.js" }), "index.ts": "" });
    expect(programEntry(dir)).to.equal(path.join(dir, "index.ts"));
  });

  it("takes exports['.'] before main, with its default, require or import condition", () => {
    const dir = program({
      "package.json": JSON.stringify({ main: "other.js", exports: { ".": { require: "./src/main.js" } } }),
      "src/main.ts": "",
      "other.ts": "",
    });
    expect(programEntry(dir)).to.equal(path.join(dir, "src", "main.ts"));
    const plain = program({ "package.json": JSON.stringify({ exports: "./app.js" }), "app.js": "" });
    expect(programEntry(plain)).to.equal(path.join(plain, "app.js"));
  });

  it("names what package.json points at when nothing can run", () => {
    const dir = program({ "package.json": JSON.stringify({ main: "bin/index.js" }) });
    expect(() => programEntry(dir)).to.throw(/package\.json names bin\/index\.js, which does not exist/);
  });
});
