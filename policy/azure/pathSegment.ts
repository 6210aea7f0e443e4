/**
 * One segment of an ARM request path (`…/resourceGroups/<segment>/providers/…`): names and ids the components
 * send become such segments, and a segment that is a relative step or carries URL syntax would address another
 * resource than the one meant (`..` climbs a level, `?` and `#` end the path, `%2F` decodes to `/`).
 */
import { invisibleCharacterIn } from "./invisibleCharacters";

/** The characters that would split or end a path segment, each with why. */
const urlSyntax: readonly (readonly [string, string])[] = [
  ["/", "'/' splits it into two path segments"],
  ["?", "'?' ends the request path (a URL query starts there)"],
  ["#", "'#' ends the request path (a URL fragment starts there)"],
  ["%", "'%' starts a URL escape ('%2F' is read as '/')"],
  ["\\", "'\\' is read as '/' by URL parsers"],
];

/** Why `segment` cannot be one ARM path segment; undefined when it can. */
export function pathSegmentProblem(segment: string): string | undefined {
  if (segment === "." || segment === "..")
    return `'${segment}' is a relative path step, which addresses another resource`;
  const syntax = urlSyntax.find(([character]) => segment.includes(character));
  if (syntax) return syntax[1];
  const invisible = invisibleCharacterIn(segment);
  return invisible === undefined ? undefined : `it contains the invisible character ${invisible}`;
}
