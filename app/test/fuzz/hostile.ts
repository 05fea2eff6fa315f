// Hostile input as fast-check arbitraries: what an attacker, a broken client
// or a copy-paste from a spreadsheet sends. Shared by the schema fuzz, the
// API fuzz and bench/faults/attack.ts, so all three throw the same things.
import fc from "fast-check";

/** Fixed, so a failure in CI is the same failure on a laptop. */
export const FUZZ_SEED = 17;

/** Strings that broke (or could break) something somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\uD800",
  "x\uDC00y",
  "\u202Eevil.pdf",
  "\u200F\u202Aabc\u202C",
  "\u0007\u001b[31m",
  "\r\n\r\n",
  "\t",
  "0000-01-01",
  "0050-05-10",
  "2026-02-30",
  "2026-13-01",
  "99999-01-01",
  "0000-01-01T00:00:00Z",
  "2026-02-30T10:00",
  "0050-05-10T10:00",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "9".repeat(40),
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '=HYPERLINK("http://evil.example")',
  "javascript:alert(1)",
  "//evil.example",
  "/\t/evil.example",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "交通",
  "ｶﾀｶﾅ",
  "𠮷野家🚌",
  "x".repeat(5_000),
  "あ".repeat(100_000),
];

/** Keyset cursors: garbage, and well-formed ones with keys PostgreSQL refuses. */
export const HOSTILE_CURSORS: readonly string[] = [
  "!!!",
  Buffer.from("[1,2]").toString("base64url"),
  Buffer.from("null").toString("base64url"),
  ...["0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "99999-01-01T00:00:00Z", "\u0000", "\uD800", "x".repeat(2000)].map((key) =>
    Buffer.from(JSON.stringify([key, "0b6f5a3e-7c1d-4e2a-9f00-1234567890ab"])).toString("base64url"),
  ),
];

/** What PostgreSQL refuses: the values behind most 5xx of issue 17, so drawn more often. */
export const POISON: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDC00y",
  "0000-01-01",
  "2026-02-30",
  "99999-01-01",
  "0050-05-10T10:00",
  "0000-01-01T00:00:00Z",
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...POISON) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_CURSORS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\uD800", "\u202E", "a", "あ", "-", "0", "9"), maxLength: 12 }) },
  );

const hostileNumber = () =>
  fc.oneof(fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, 2 ** 53, 1e-320), fc.integer(), fc.double());

/** Nested arrays and objects deeper than any input of ours. */
const deeplyNested = () => fc.integer({ min: 50, max: 400 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown);

/** Objects whose keys try prototype pollution. */
const pollutingObject = () =>
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"isAdmin": true, "role": "platform_admin"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
    { prototype: null, toString: "x", valueOf: 1, hasOwnProperty: "no" },
  );

/** Any JSON-ish value a hostile client may send in a field. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: hostileString() },
    { weight: 2, arbitrary: hostileNumber() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [""], ["\u0000"]) },
    { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 60 }) },
    { weight: 1, arbitrary: pollutingObject() },
    { weight: 1, arbitrary: deeplyNested() },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  );

/** An input object: known field names (so validation runs deep) with hostile values, plus stray keys. */
export const hostileObject = (keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["title"])), hostileValue(), { maxKeys: 8 }),
      fc.dictionary(fc.oneof(hostileString(), fc.constantFrom("__proto__", "constructor")), hostileValue(), { maxKeys: 2 }),
    )
    .map(([known, stray]) => Object.assign(Object.create(null) as Record<string, unknown>, stray, known));

/** A whole input: mostly objects, sometimes null, a number, a string, an array. */
export const hostileInput = (keys: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: hostileObject(keys) }, { weight: 1, arbitrary: hostileValue() });

/** Raw request bodies that are not what their content type says. */
export const HOSTILE_BODIES: readonly { contentType: string; body: string }[] = [
  { contentType: "application/json", body: "null" },
  { contentType: "application/json", body: "1" },
  { contentType: "application/json", body: '"x"' },
  { contentType: "application/json", body: "[]" },
  { contentType: "application/json", body: "{" },
  { contentType: "application/json", body: '{"title": "\\u0000"}' },
  { contentType: "application/json", body: '{"title": "\\ud800"}' },
  { contentType: "application/json", body: "[".repeat(20_000) + "]".repeat(20_000) },
  { contentType: "application/json", body: "\uFEFF{}" },
  {
    contentType: "multipart/form-data; boundary=x",
    body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF',
  },
  { contentType: "multipart/form-data", body: "no boundary" },
  { contentType: "multipart/form-data; boundary=", body: "--\r\n" },
  { contentType: "application/x-www-form-urlencoded", body: "title=%00&deadline=0000-01-01&__proto__[x]=1" },
  { contentType: "text/csv", body: "協定名,締結先\r\n\u0000,\uD800\r\n" },
  { contentType: "application/octet-stream", body: "\u0000\u0001\u0002" },
];

/** Contains Japanese (kana or kanji): titles and field errors must be in Japanese. */
export const hasJapanese = (text: string) => /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
