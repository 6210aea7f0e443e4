/** The config reference in docs/README.md is a copy of Pulumi.yaml's schema: it must not drift from it. */
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

interface ConfigKey {
  type: string;
  default?: unknown;
  description: string;
}

/** How the table shows a default: empty strings, lists and maps as a dash, anything else as code. */
function shownDefault(value: unknown): string {
  const empty = typeof value === "object" && value !== null && Object.keys(value).length === 0;
  if (value === undefined || value === "" || empty) return "—";
  return `\`${String(value)}\``;
}

describe("docs/README.md config reference", () => {
  it("lists every Pulumi.yaml config key with its type, default and description, in order", () => {
    const project = yaml.load(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
      config: Record<string, ConfigKey>;
    };
    const rows = fs
      .readFileSync(path.join(root, "docs/README.md"), "utf8")
      .split("\n")
      .filter((line) => /^\| `/.test(line))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const expected = Object.entries(project.config).map(([key, c]) => [
      `\`${key}\``,
      c.type,
      shownDefault(c.default),
      c.description,
    ]);
    expect(rows).to.deep.equal(expected);
  });
});
