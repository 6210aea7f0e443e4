/** Writes the fixture estates (fixtureEstates.ts) as an export's files: pages of 40 rows and the companions. */
import * as fs from "fs";
import * as path from "path";
import { argExportOf } from "./argExportOf";
import { fixtureEstates, fixtureEstatesDir, runEstate } from "./fixtureEstates";

export async function estateFiles(name: string): Promise<Record<string, string>> {
  const estate = fixtureEstates.find((e) => e.name === name)!;
  const { discovered } = await runEstate(estate);
  const { pages, companions } = argExportOf(discovered, 40);
  const files: Record<string, string> = {};
  pages.forEach((p, i) => (files[`estate.${i + 1}.json`] = JSON.stringify(p, null, 1) + "\n"));
  files["estate.companions.json"] = JSON.stringify(companions, null, 1) + "\n";
  return files;
}

if (require.main === module) {
  (async () => {
    for (const estate of fixtureEstates) {
      const dir = path.join(fixtureEstatesDir, estate.name);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(await estateFiles(estate.name)))
        fs.writeFileSync(path.join(dir, file), text);
    }
    process.exit(0);
  })();
}
