/**
 * Builds the Analyzer protocol messages the engine sends (`pkg/resource/plugin/analyzer_plugin.go`):
 * `AnalyzeRequest` per resource with its inputs, and `AnalyzerResource` for `AnalyzeStack` with its
 * outputs, parent, dependencies and property dependencies.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { AnalyzerResource } from "./analyzerResources";
import { engineProperties } from "./engineValue";

function struct(props: Record<string, unknown>, urn: string): Struct {
  try {
    return Struct.fromJavaScript(engineProperties(props));
  } catch (e) {
    throw new Error(`${urn}: ${(e as Error).message}`);
  }
}

function options(r: AnalyzerResource, withParent: boolean): analyzerPb.AnalyzerResourceOptions {
  const o = new analyzerPb.AnalyzerResourceOptions();
  o.setProtect(r.protect);
  o.setIgnorechangesList(r.ignoreChanges);
  o.setDeletebeforereplace(r.deleteBeforeReplace ?? false);
  o.setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined);
  o.setAliasesList(r.aliases);
  // The engine always sends timeouts; zero means "provider default".
  o.setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
  // `Analyze` carries the parent in options; `AnalyzeStack` carries it on the resource instead.
  if (withParent && r.parent) o.setParent(r.parent);
  return o;
}

function provider(r: AnalyzerResource): analyzerPb.AnalyzerProviderResource | undefined {
  if (!r.provider) return undefined;
  const p = new analyzerPb.AnalyzerProviderResource();
  p.setUrn(r.provider.urn);
  p.setType(r.provider.type);
  p.setName(r.provider.name);
  p.setProperties(struct(r.provider.inputs, r.provider.urn));
  return p;
}

/** The request for `Analyze` (and `Remediate`), optionally with remediated inputs. */
export function analyzeRequest(r: AnalyzerResource, inputs = r.inputs): analyzerPb.AnalyzeRequest {
  const req = new analyzerPb.AnalyzeRequest();
  req.setUrn(r.urn);
  req.setType(r.type);
  req.setName(r.name);
  req.setProperties(struct(inputs, r.urn));
  req.setOptions(options(r, true));
  const p = provider(r);
  if (p) req.setProvider(p);
  return req;
}

/** One entry of the `AnalyzeStack` request. */
export function stackResource(r: AnalyzerResource): analyzerPb.AnalyzerResource {
  const res = new analyzerPb.AnalyzerResource();
  res.setUrn(r.urn);
  res.setType(r.type);
  res.setName(r.name);
  res.setProperties(struct(r.outputs, r.urn));
  res.setOptions(options(r, false));
  const p = provider(r);
  if (p) res.setProvider(p);
  res.setParent(r.parent ?? "");
  res.setDependenciesList(r.dependencies);
  const deps = res.getPropertydependenciesMap();
  for (const [key, urns] of Object.entries(r.propertyDependencies)) {
    const d = new analyzerPb.AnalyzerPropertyDependencies();
    d.setUrnsList(urns);
    deps.set(key, d);
  }
  return res;
}

/**
 * The `AnalyzeStack` request's bytes, encoded one resource at a time (field 1, length-delimited, as
 * `writeRepeatedMessage` writes it): the request of a large stack is never held as protobuf objects, only as
 * its bytes (at 20,000 resources the objects took hundreds of MB).
 */
export function analyzeStackRequest(resources: readonly AnalyzerResource[]): analyzerPb.AnalyzeStackRequest {
  const chunks: Uint8Array[] = [];
  for (const r of resources) {
    const bytes = stackResource(r).serializeBinary();
    chunks.push(lengthDelimitedHeader(1, bytes.length), bytes);
  }
  return new EncodedStackRequest(Buffer.concat(chunks));
}

/** A field's tag (wire type 2) and length, as varints. */
function lengthDelimitedHeader(field: number, length: number): Uint8Array {
  const out = [(field << 3) | 2];
  let n = length;
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Uint8Array.from(out);
}

/** A request whose bytes are already encoded (the generated client serialises with `serializeBinary`). */
class EncodedStackRequest extends analyzerPb.AnalyzeStackRequest {
  constructor(private readonly encoded: Uint8Array) {
    super();
  }

  override serializeBinary(): Uint8Array {
    return this.encoded;
  }
}
