/**
 * An Azure Resource Graph export of `rows` rows at least: the isolated-clients fixture estate (two VNets, a
 * workspace with its dependencies, every endpoint, zone and link) copied into as many sets of resource groups
 * as it takes, each copy's ids renamed, in pages of 1000 rows like `az graph query --first 1000` and one
 * companion list.
 */
import * as fs from "fs";
import * as path from "path";

const fixture = path.resolve(__dirname, "..", "test", "audit", "fixtures", "estates", "isolated-all-zones");

interface Rows {
  rows: Record<string, unknown>[];
  companions: Record<string, unknown>[];
}

function fixtureRows(): Rows {
  const files = fs.readdirSync(fixture).sort();
  const rows = files
    .filter((f) => f !== "estate.companions.json")
    .flatMap(
      (f) =>
        (JSON.parse(fs.readFileSync(path.join(fixture, f), "utf8")) as { data: Record<string, unknown>[] })
          .data,
    );
  const companions = JSON.parse(
    fs.readFileSync(path.join(fixture, "estate.companions.json"), "utf8"),
  ) as Record<string, unknown>[];
  return { rows, companions };
}

/** Writes the export into `dir`; returns its files and its row count. */
export function writeSyntheticEstate(rows: number, dir: string): { files: string[]; rows: number } {
  const base = fixtureRows();
  const groups = [...new Set(base.rows.map((r) => String(r.resourceGroup)))];
  const perCopy = base.rows.length + base.companions.length;
  const copies = Math.max(1, Math.ceil(rows / perCopy));
  const text = JSON.stringify(base);
  const all: Rows = { rows: [], companions: [] };
  for (let k = 0; k < copies; k++) {
    const suffix = `-${String(k).padStart(5, "0")}`;
    // Resource group names appear in ids (any casing ARM keeps) and in the lower-case resourceGroup column.
    const renamed = groups.reduce(
      (t, g) =>
        t
          .split(`/resourceGroups/${g}/`)
          .join(`/resourceGroups/${g}${suffix}/`)
          .split(`"resourceGroup":"${g}"`)
          .join(`"resourceGroup":"${g}${suffix}"`),
      text,
    );
    const copy = JSON.parse(renamed) as Rows;
    all.rows.push(...copy.rows);
    all.companions.push(...copy.companions);
  }
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < all.rows.length; i += 1000) {
    const data = all.rows.slice(i, i + 1000);
    const file = path.join(dir, `estate.${String(i / 1000 + 1).padStart(3, "0")}.json`);
    const page = {
      count: data.length,
      data,
      skip_token: i + 1000 < all.rows.length ? `page-${i + 1000}` : null,
      total_records: all.rows.length,
    };
    fs.writeFileSync(file, JSON.stringify(page));
    files.push(file);
  }
  const companions = path.join(dir, "estate.companions.json");
  fs.writeFileSync(companions, JSON.stringify(all.companions));
  return { files: [...files, companions], rows: all.rows.length + all.companions.length };
}

if (require.main === module) {
  const [rows, dir] = process.argv.slice(2);
  const written = writeSyntheticEstate(Number(rows), dir);
  console.log(`${written.rows} rows in ${written.files.length} files`);
}
