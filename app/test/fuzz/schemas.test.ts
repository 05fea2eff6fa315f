// Property-based fuzz of every input schema (issue 17). Every Zod schema a
// feature exports from its schema.ts is found here by itself — a new schema
// is fuzzed without touching this file. For random and hostile input,
// parseInput must either return a value the database accepts (no NUL, no
// unpaired surrogate, no impossible date) or throw a 422 whose every field
// error has a Japanese message. Nothing else: no TypeError, no RangeError.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { isAppError } from "~/lib/errors";
import { translate } from "~/lib/i18n";
import { hasInvalidCharacters, MAX_YEAR, MIN_YEAR, parseInput } from "~/lib/validation";
import { isView } from "~/lib/api-schemas";
import { FUZZ_SEED, hasJapanese, hostileInput } from "./hostile";

const RUNS_PER_SCHEMA = 150;

const schemaModules = import.meta.glob<Record<string, unknown>>("../../features/*/schema.ts", { eager: true });

const schemas = Object.entries(schemaModules).flatMap(([file, module]) =>
  Object.entries(module)
    // The views the API answers with are described by schemas too: they are not inputs.
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType && !isView(entry[1]))
    .map(([name, schema]) => ({ name: `${file.replace("../../features/", "")}#${name}`, schema })),
);

/** Field names of an object schema (refinements keep the shape), so values reach the fields' own checks. */
const keysOf = (schema: z.ZodType): string[] => Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});
const allKeys = [...new Set(schemas.flatMap((s) => keysOf(s.schema)))];

/** What must hold of a parsed value: nothing PostgreSQL refuses. */
function databaseSafe(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !hasInvalidCharacters(value);
  if (value instanceof Date)
    return !Number.isNaN(value.getTime()) && value.getUTCFullYear() >= MIN_YEAR - 1 && value.getUTCFullYear() <= MAX_YEAR + 1;
  if (typeof value === "number") return Number.isFinite(value);
  if (value && typeof value === "object" && depth < 20)
    return Object.entries(value).every(([k, v]) => !hasInvalidCharacters(k) && databaseSafe(v, depth + 1));
  return true;
}

/** What parseInput made of an input, in words; anything but a value or a 422 (a TypeError …) is thrown on. */
function outcomeOf(schema: z.ZodType, input: unknown): string {
  let parsed: unknown;
  try {
    parsed = parseInput(schema, input);
  } catch (error) {
    if (!isAppError(error) || error.status !== 422) throw error;
    const untranslated = error.fieldErrors.filter((e) => !hasJapanese(translate("ja", e.message, e.params))).map((e) => e.message);
    if (error.fieldErrors.length === 0) return "a 422 without field errors";
    return untranslated.length ? `a 422 with messages not in Japanese: ${untranslated.join(", ")}` : "a 422 with Japanese field errors";
  }
  return databaseSafe(parsed) ? "a database-safe value" : `a value the database refuses: ${JSON.stringify(parsed)}`;
}

describe("every input schema under hostile input", () => {
  it("finds the schemas of every feature", () => {
    expect(Object.keys(schemaModules).length).toBeGreaterThanOrEqual(9);
    expect(schemas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(schemas)("$name: a database-safe value or a 422 with Japanese field errors", ({ schema }) => {
    const keys = keysOf(schema);
    fc.assert(
      fc.property(hostileInput(keys.length ? keys : allKeys), (input) => {
        expect(["a database-safe value", "a 422 with Japanese field errors"]).toContain(outcomeOf(schema, input));
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_SCHEMA },
    );
  });
});
