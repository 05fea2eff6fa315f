// What a newcomer adding a feature could forget: its tables in the schema
// barrel, its route list in app/routes.ts, its manifest in the server's list,
// its rows of the API tenancy matrix, a route module no route points at. Each
// check names what is missing.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { describe, expect, it } from "vitest";
import routeConfig from "~/routes";
import type { FeatureManifest } from "~/lib/feature";
import { allJobs, featureManifests } from "./features.server";
import { featurePaths } from "./openapi/document.server";

const appDir = path.resolve(import.meta.dirname, "..");
const features = readdirSync(path.join(appDir, "features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const has = (feature: string, file: string) => existsSync(path.join(appDir, "features", feature, file));

const routeLists = import.meta.glob<Record<string, RouteConfigEntry[]>>("../features/*/routes.ts", { eager: true });
const openApiModules = import.meta.glob<Record<string, unknown>>("../features/*/openapi.ts", { eager: true });
const manifests = import.meta.glob<Record<string, FeatureManifest>>("../features/*/manifest.server.ts", { eager: true });

function flatten(entries: RouteConfigEntry[]): RouteConfigEntry[] {
  return entries.flatMap((entry) => [entry, ...flatten(entry.children ?? [])]);
}

describe("feature registration", () => {
  it("gathers every feature's tables in lib/db/schema.ts", () => {
    const barrel = readFileSync(path.join(appDir, "lib/db/schema.ts"), "utf8");
    const missing = features.filter((f) => has(f, "tables.ts") && !barrel.includes(`features/${f}/tables`));
    expect(missing, 'add `export * from "../../features/<name>/tables"` to app/lib/db/schema.ts').toEqual([]);
  });

  it("composes every feature's route list in app/routes.ts", () => {
    const table = new Set(flatten(routeConfig));
    const missing = Object.entries(routeLists).flatMap(([file, exports]) =>
      Object.values(exports)
        .flat()
        .filter((entry) => !table.has(entry))
        .map((entry) => `${file}: ${entry.path}`),
    );
    expect(missing, "spread the feature's routes into app/routes.ts").toEqual([]);
  });

  it("lists every feature manifest in app/server/features.server.ts, with unique job names", () => {
    const missing = Object.entries(manifests).flatMap(([file, exports]) =>
      Object.values(exports)
        .filter((manifest) => !featureManifests.includes(manifest))
        .map(() => file),
    );
    expect(missing, "add the manifest to featureManifests").toEqual([]);
    const names = allJobs().map((job) => job.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it("puts every feature's OpenAPI paths into the document", () => {
    const missing = Object.entries(openApiModules).flatMap(([file, exports]) =>
      Object.entries(exports)
        .filter(([name, value]) => name.endsWith("Paths") && !featurePaths.includes(value as never))
        .map(([name]) => `${file}: ${name}`),
    );
    expect(missing, "add the paths to featurePaths in app/server/openapi/document.server.ts").toEqual([]);
  });

  it("gives every feature with API routes its rows of the tenancy matrix", () => {
    const missing = Object.entries(routeLists)
      .filter(([, exports]) => flatten(Object.values(exports).flat()).some((entry) => entry.path?.startsWith("api/")))
      .map(([file]) => file.split("/")[2]!)
      .filter((feature) => !has(feature, "tenancy-matrix.ts"))
      .map((feature) => `app/features/${feature}/tenancy-matrix.ts`);
    expect(
      missing,
      "add the feature's rows (`export const tenancyRows: Endpoint[]`, types in app/test/tenancy-matrix.ts); app/routes/api/tenancy.test.ts says which",
    ).toEqual([]);
  });

  it("points a route at every route module under app/routes", () => {
    const used = new Set(flatten(routeConfig).map((entry) => entry.file));
    const modules = readdirSync(path.join(appDir, "routes"), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith(".server.ts") && !file.includes("+types"))
      .map((file) => `routes/${file.split(path.sep).join("/")}`);
    expect(
      modules.filter((file) => !used.has(file)),
      "a route module that no route uses",
    ).toEqual([]);
  });
});
