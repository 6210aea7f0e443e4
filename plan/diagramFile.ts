/** The `--diagram FILE` formats, chosen by the file's extension: every one drawn from the plan's topology. */
import * as path from "path";
import type { PlanDocument } from "./plan";
import { topologySvg } from "./topologySvg";
import { markdownFence } from "./topologyText";

const formats: Record<string, (doc: PlanDocument) => string | Promise<string>> = {
  ".svg": (doc) => topologySvg(doc.topology),
  ".mmd": (doc) => doc.diagram,
  // Markdown renderers (GitHub, GitLab, many editors) draw a fenced `mermaid` block; the fence is longer than
  // any backtick run inside, so nothing in the diagram can close it.
  ".md": (doc) => {
    const fence = markdownFence(doc.diagram);
    return `${fence}mermaid\n${doc.diagram}${fence}\n`;
  },
};

export const diagramExtensions = Object.keys(formats);

/** Throws, naming the supported extensions, when a file's extension names no format. */
export function checkDiagramFile(file: string): void {
  if (!(path.extname(file).toLowerCase() in formats)) {
    throw new Error(
      `--diagram ${file}: the extension picks the format; use one of ${diagramExtensions.join(", ")}`,
    );
  }
}

/** The diagram of a plan in the format of `file`'s extension. */
export function diagramText(doc: PlanDocument, file: string): Promise<string> {
  checkDiagramFile(file);
  return Promise.resolve(formats[path.extname(file).toLowerCase()](doc));
}
