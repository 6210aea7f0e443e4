/**
 * Reads the files of an Azure Resource Graph export, one at a time (each file's text is dropped once its rows
 * are read, so memory holds the estate's resources, not its files): `az graph query -o json` pages
 * (`{ count, data, skip_token, total_records }`, azure-cli-extensions PR #3344), the REST API's page
 * (`{ totalRecords, data, $skipToken }`), plain arrays of rows (`--query data`, the portal, `Search-AzGraph`)
 * and `az rest` lists (`{ value }` or `--query value`) of what the `resources` table lacks, in any order and
 * split. A repeated id (case-insensitive, as ARM compares ids) is one resource.
 */
import * as fs from "fs";
import { armIdKey, parseArmId } from "../../policy/azure/armId";
import { PlanInputError } from "../planErrors";
import { argRow, isDnsRecordRow, type ArgRow } from "./argRow";

/** The largest file read: a page of 1000 rows is a few MB; more is not an export of this query. */
export const maxExportFileBytes = 256 * 1024 * 1024;

export interface ArgExport {
  /** By id key, in the order first read. */
  rows: Map<string, ArgRow>;
  /** Rows of private DNS record sets (the `dnsresources` table): counted, not modelled. */
  dnsRecords: number;
  /** The IPs of the A records among them, each with the private zones (lower case) holding one. */
  aRecordIps: Map<string, Set<string>>;
  /** Rows of types the audit does not read, by lower-case type. */
  skipped: Map<string, number>;
  /** ARG pages read: the rows they held and the total their query matched (pages missing when fewer). */
  pages: { rows: number; totalRecords?: number; lastPage: boolean }[];
}

export function emptyExport(): ArgExport {
  return { rows: new Map(), dnsRecords: 0, aRecordIps: new Map(), skipped: new Map(), pages: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The rows of one file's document, with what a page says about the query. */
function rowsOf(doc: unknown, file: string): { rows: unknown[]; page?: ArgExport["pages"][number] } {
  if (Array.isArray(doc)) return { rows: doc };
  if (isObject(doc) && Array.isArray(doc.data)) {
    const total = doc.total_records ?? doc.totalRecords;
    const token = doc.skip_token ?? doc.$skipToken;
    return {
      rows: doc.data,
      page: {
        rows: doc.data.length,
        ...(typeof total === "number" && { totalRecords: total }),
        lastPage: token === undefined || token === null || token === "",
      },
    };
  }
  if (isObject(doc) && Array.isArray(doc.value)) return { rows: doc.value };
  if (isObject(doc) && "data" in doc && isObject(doc.data) && Array.isArray(doc.data.rows))
    throw new PlanInputError(
      `${file}: a table-shaped result (data.columns/data.rows): export with -o json from az graph query, whose rows are objects`,
    );
  throw new PlanInputError(
    `${file}: not an Azure Resource Graph export: expected the JSON of az graph query ({ "data": [rows] }), ` +
      `a JSON array of rows, or an az rest list ({ "value": [rows] })`,
  );
}

/** Adds one file's rows to `into`; a mistake names the file, and the row and field where it is one. */
export function readExportFile(file: string, into: ArgExport): void {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new PlanInputError(`${file}: not a file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
    throw new PlanInputError(`${file}: no such file`);
  }
  if (size > maxExportFileBytes)
    throw new PlanInputError(
      `${file}: ${size} bytes, over the ${maxExportFileBytes} an export file may have; page the query (--first 1000, --skip-token) into several files`,
    );
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((e as Error).message) ? " (truncated?)" : "";
    throw new PlanInputError(`${file}: not JSON${truncated}: ${(e as Error).message}`);
  }
  const { rows, page } = rowsOf(doc, file);
  if (page) into.pages.push(page);
  rows.forEach((value, i) => {
    if (isDnsRecordRow(value)) {
      into.dnsRecords++;
      addARecord(value as Record<string, unknown>, into.aRecordIps);
      return;
    }
    const row = argRow(value, { file, row: i });
    if (!row) {
      const type = (value as { type?: unknown }).type;
      const key = typeof type === "string" ? type.toLowerCase() : "(no type)";
      into.skipped.set(key, (into.skipped.get(key) ?? 0) + 1);
      return;
    }
    const key = armIdKey(row.id);
    if (!into.rows.has(key)) into.rows.set(key, row);
  });
}

/** An A record set's IPs (`properties.aRecords[].ipv4Address`), with its zone. */
function addARecord(row: Record<string, unknown>, into: ArgExport["aRecordIps"]): void {
  const parsed = parseArmId(String(row.id));
  if (parsed?.type.toLowerCase() !== "microsoft.network/privatednszones/a") return;
  const records = isObject(row.properties) ? row.properties.aRecords : undefined;
  if (!Array.isArray(records)) return;
  const zone = parsed.names[0].toLowerCase();
  for (const r of records) {
    const ip = isObject(r) ? r.ipv4Address : undefined;
    if (typeof ip !== "string") continue;
    const zones = into.get(ip);
    if (zones) zones.add(zone);
    else into.set(ip, new Set([zone]));
  }
}

/** Every file's rows, read in turn. */
export function readExport(files: readonly string[]): ArgExport {
  const into = emptyExport();
  for (const file of files) readExportFile(file, into);
  return into;
}
