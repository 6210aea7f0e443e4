import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { relativeLinks, repoRoot } from "./markdownLinks";

function pages(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((e) => e.name !== "api" && e.name !== "node_modules")
    .flatMap((e) =>
      e.isDirectory()
        ? pages(path.posix.join(dir, e.name))
        : e.name.endsWith(".md")
          ? [path.posix.join(dir, e.name)]
          : [],
    );
}

describe("relative links of the README and the docs", () => {
  for (const page of ["README.md", "policy/README.md", ...pages("docs")]) {
    it(`${page}: every relative link points at a file or directory here`, () => {
      const broken = relativeLinks(page).filter((target) => !fs.existsSync(path.join(repoRoot, target)));
      expect(broken).to.deep.equal([]);
    });
  }
});
