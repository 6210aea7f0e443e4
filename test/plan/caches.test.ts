/**
 * The plan's caches are neither trusted nor required: an entry is checked against its content hash before
 * it is used, and a cache that cannot be written leaves the plan running uncached. CI runs as root, where
 * chmod does not stop writes, so a refused disk is simulated by a cache path under a file (ENOTDIR) or an
 * injected file layer that refuses writes (EACCES).
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compiledPack } from "../../plan/compiledPack";
import { textCache, type CacheFs } from "../../plan/verifiedCache";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "plan-cache-"));
}

/** A file layer on which every write fails as on a directory the user cannot write. */
const refusingFs: CacheFs = {
  ...fs,
  writeFileSync: () => {
    throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
  },
};

describe("verified caches", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe("text cache (the transpile cache's entries)", () => {
    it("returns what was stored, and an entry whose content no longer matches its hash is a miss", () => {
      const cache = textCache(path.join(dir, "c"));
      cache.put("k", "exports.a = 1;\n");
      expect(cache.get("k")).to.equal("exports.a = 1;\n");
      const file = path.join(dir, "c", "k.js");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("a = 1", "a = 2"));
      expect(cache.get("k")).to.equal(undefined);
      fs.writeFileSync(file, "exports.a = 1;\n");
      expect(cache.get("k"), "no hash line").to.equal(undefined);
      expect(cache.get("absent")).to.equal(undefined);
    });

    it("a directory that cannot be created (its parent is a file): no throw, every read a miss", () => {
      fs.writeFileSync(path.join(dir, "file"), "");
      const cache = textCache(path.join(dir, "file", "cache"));
      expect(cache.disabled).to.match(/ENOTDIR|EEXIST/);
      expect(() => cache.put("k", "x")).to.not.throw();
      expect(cache.get("k")).to.equal(undefined);
    });

    it("a disk that refuses writes (EACCES): no throw, nothing left behind, no further attempts", () => {
      const cache = textCache(path.join(dir, "c"), refusingFs);
      expect(() => cache.put("k", "x")).to.not.throw();
      expect(cache.disabled).to.match(/EACCES/);
      expect(fs.readdirSync(path.join(dir, "c"))).to.deep.equal([]);
      expect(cache.get("k")).to.equal(undefined);
    });

    it("the plan's loader runs uncached under an unwritable cache and never runs a tampered entry", function () {
      this.timeout(60_000);
      const probe = path.join(dir, "probe.ts");
      fs.writeFileSync(probe, "export const answer: number = 42;\n");
      const run = (cacheDir: string) =>
        execFileSync(
          process.execPath,
          [
            "-r",
            "ts-node/register/transpile-only",
            "-e",
            `require(${JSON.stringify(path.resolve(__dirname, "../../plan/transpileCache"))}).installTranspileCache(${JSON.stringify(cacheDir)});` +
              `console.log(require(${JSON.stringify(probe)}).answer);`,
          ],
          { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" },
        ).trim();
      fs.writeFileSync(path.join(dir, "file"), "");
      expect(run(path.join(dir, "file", "cache"))).to.equal("42");
      const cacheDir = path.join(dir, "cache");
      expect(run(cacheDir)).to.equal("42");
      const entries = fs.readdirSync(cacheDir);
      expect(entries.length).to.be.greaterThan(0);
      // Every entry edited (the probe's and the cache module's own): the next run must compile afresh.
      for (const e of entries) {
        const file = path.join(cacheDir, e);
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/42/g, "666"));
      }
      expect(run(cacheDir)).to.equal("42");
    });
  });

  describe("compiled pack copy", () => {
    function pack(): string {
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "p", version: "1.0.0", main: "index.ts" }),
      );
      fs.writeFileSync(path.join(dir, "index.ts"), "export const level: string = 'advisory';\n");
      return dir;
    }

    it("a copy whose files no longer match its recorded hash is rebuilt, not served", () => {
      const first = compiledPack(pack());
      const js = path.join(first.dir, "index.js");
      const original = fs.readFileSync(js, "utf8");
      fs.writeFileSync(js, original.replace("advisory", "disabled"));
      const second = compiledPack(dir);
      expect(second.dir).to.equal(first.dir);
      expect(second.compileMs).to.be.greaterThan(0);
      expect(fs.readFileSync(js, "utf8")).to.equal(original);
      // Intact: served as is.
      expect(compiledPack(dir).compileMs).to.equal(0);
      fs.rmSync(path.join(first.dir, ".sha256"));
      expect(compiledPack(dir).compileMs, "no recorded hash").to.be.greaterThan(0);
    });

    it("a pack whose cache cannot be written is served from its sources, with the reason", () => {
      pack();
      fs.writeFileSync(path.join(dir, "node_modules"), "not a directory");
      const served = compiledPack(dir);
      expect(served).to.include({ dir, compileMs: 0 });
      expect(served.uncached).to.match(/ENOTDIR|EEXIST/);
    });
  });
});
