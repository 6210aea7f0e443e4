/** Relative links of a Markdown page: the targets, as paths from the repository root, without anchors. */
import * as fs from "fs";
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function relativeLinks(page: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, page), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split("#")[0])
    .filter((target) => target !== "" && !/^[a-z]+:/i.test(target))
    .map((target) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(page), target)).replace(/\/$/, ""),
    );
}
