/** Reads a markdown table of policy/README.md between two markers, as rows of trimmed cells. */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

export const policyReadme = fs.readFileSync(path.resolve(__dirname, "../../policy/README.md"), "utf8");

export function readmeTableRows(startMarker: string, endMarker: string): string[][] {
  const start = policyReadme.indexOf(startMarker);
  expect(start, startMarker).to.be.greaterThan(-1);
  return policyReadme
    .slice(start, policyReadme.indexOf(endMarker, start))
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}
