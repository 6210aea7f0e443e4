/**
 * `npm publish` refuses a manifest without `repository` (tools/publishMetadata.mjs, the prepublishOnly script):
 * without it the README's relative links break on the package's page and npm derives no homepage or bugs.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const script = path.join(root, "tools", "publishMetadata.mjs");

function check(manifest: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "publish-metadata-"));
  const file = path.join(dir, "package.json");
  fs.writeFileSync(file, JSON.stringify(manifest));
  const run = spawnSync(process.execPath, [script, file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return run;
}

describe("publishing needs a repository (prepublishOnly)", () => {
  it("package.json runs the check before npm publish", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.prepublishOnly).to.equal("node tools/publishMetadata.mjs");
  });

  it("refuses a manifest without one, saying why and the command that sets it", () => {
    for (const repository of [undefined, "", { type: "git" }]) {
      const run = check({ name: "azureml-network-isolation", repository });
      expect(run.status, JSON.stringify(repository)).to.equal(1);
      expect(run.stderr).to.include('no "repository" to publish with');
      expect(run.stderr).to.include("npm pkg set repository.type=git repository.url=");
    }
  });

  it("accepts one given as a string or as an object with a url", () => {
    for (const repository of [
      "github:owner/repo",
      { type: "git", url: "git+https://github.com/owner/repo.git" },
    ]) {
      const run = check({ name: "azureml-network-isolation", repository });
      expect([run.status, run.stderr]).to.deep.equal([0, ""]);
    }
  });
});
