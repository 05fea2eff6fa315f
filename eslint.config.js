// Lint: TypeScript rules plus the architecture's import boundaries
// (docs/decisions/0007-tenancy-and-boundaries.md, 0017-scope-as-a-type-rule.md):
//   routes → features → lib/ui; a feature uses another feature only through
//   its public files, never its tables; only the identity gate mints scopes;
//   what a route may call takes a ScopedContext or a PublicContext, never a
//   raw Db: functions that take one live in *.internal.server.ts files.
import tseslint from "typescript-eslint";

const tablesOfOtherFeatures = {
  // "../../*/tables": from a feature's sub-module (features/<name>/<sub>/), whose own tables are "../tables".
  group: [
    "~/features/*/tables",
    "~/features/*/tables.ts",
    "**/features/*/tables",
    "../*/tables",
    "../*/tables.ts",
    "../../*/tables",
    "../../*/tables.ts",
  ],
  message: "A feature's tables are private: call that feature's data/commands functions instead.",
};
const dbSchema = {
  group: ["~/lib/db/schema", "**/lib/db/schema"],
  message: "Tables are reached only through a feature's data/commands functions.",
};
const auditWriter = {
  name: "~/features/audit/commands.internal.server",
  importNames: ["recordAudit"],
  message: "Commands run through runCommand (~/features/audit/run-command.internal.server), which writes the audit entry.",
};
const internalFiles = {
  group: ["~/features/*/*.internal.server", "**/*.internal.server", "**/*.internal.server.ts"],
  message:
    "*.internal.server files take a raw Db or a transaction without a tenant scope (other features' helpers, jobs): routes call functions that take a ScopedContext (requirePageScope, requireApiScope) or a PublicContext (publicContext).",
};
const demoSeeders = {
  group: ["~/demo", "~/demo/*", "**/demo", "**/demo/*"],
  message: "Demo data is seeded by the composition root (the runtime calls app/demo), never by a request.",
};
const drizzleInRoutes = { group: ["drizzle-orm", "drizzle-orm/*"], message: "Routes do not query the database: call a feature." };
// The tenancy-matrix rows (features/<name>/tenancy-matrix.ts, server/tenancy-matrix.ts)
// are test code kept beside what they test: app/routes/api/tenancy.test.ts
// collects them with import.meta.glob, and nothing imports them, so no bundle
// carries them. Their shared vocabulary is ~/test/tenancy-matrix.
const tenancyMatrixRows = {
  group: ["**/tenancy-matrix", "**/tenancy-matrix.ts", "!~/test/tenancy-matrix", "!~/test/tenancy-matrix.ts"],
  message:
    "Tenancy-matrix rows are test code that app/routes/api/tenancy.test.ts collects by glob: import nothing from them (what rows share goes in ~/test/tenancy-matrix).",
};
const mintScope = {
  name: "~/lib/tenancy",
  importNames: ["mintTenantScope"],
  message: "Only the identity gate creates a TenantScope.",
};

// Authorization lives in each feature's policy.ts (docs/decisions/0018): pages,
// the root layout, commands and data functions ask its predicates and never
// compare roles themselves.
const isRole = (path) => [
  `[${path}.type='MemberExpression'][${path}.property.name='role']`,
  `[${path}.type='Identifier'][${path}.name='role']`,
  `[${path}.type='ChainExpression'][${path}.expression.property.name='role']`,
];
const roleChecksOutsidePolicy = [
  ...["left", "right"].flatMap((side) =>
    isRole(side).map((role) => ({
      selector: `BinaryExpression[operator=/^[!=]==?$/]${role}[${side === "left" ? "right" : "left"}.type='Literal']`,
      message: "Compare roles in the feature's policy.ts: ask a predicate there (canEditRoleMatrix(scope) …), see docs/decisions/0018.",
    })),
  ),
  ...isRole("arguments.0").map((role) => ({
    selector: `CallExpression[callee.property.name='includes']${role}`,
    message: "A role list belongs in the feature's policy.ts: ask a predicate there (canReadAudit(scope) …), see docs/decisions/0018.",
  })),
  ...isRole("discriminant").map((role) => ({
    selector: `SwitchStatement${role}`,
    message: "Decide by role in the feature's policy.ts (like proposalListView(scope)), see docs/decisions/0018.",
  })),
];
const routeImportPatterns = [tablesOfOtherFeatures, dbSchema, internalFiles, drizzleInRoutes, tenancyMatrixRows];

// Scope as a type rule (docs/decisions/0017): route modules never hold the
// database, and an exported function a route may import takes a context.
const databaseHandleInRoutes = [
  {
    selector: "MemberExpression[property.name='db']",
    message: "Routes do not hold the database: pass the context (requirePageScope, requireApiScope, publicContext) to a feature.",
  },
  {
    selector: "ObjectPattern > Property[key.name='db']",
    message: "Routes do not hold the database: pass the context (requirePageScope, requireApiScope, publicContext) to a feature.",
  },
];
const rawDatabaseType = "TSTypeReference > Identifier.typeName[name=/^(Db|Queryable|Tx|RequestContext)$/]";
const unscopedExport =
  "An exported function here may be called by a route: take a ScopedContext, a PublicContext or a ViewerContext. One that needs a raw Db, a transaction or no scope goes in a *.internal.server.ts file.";
const unscopedExports = [
  {
    selector: `:matches(ExportNamedDeclaration, ExportDefaultDeclaration) > FunctionDeclaration > .params ${rawDatabaseType}`,
    message: unscopedExport,
  },
  {
    selector: `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > :matches(ArrowFunctionExpression, FunctionExpression) > .params ${rawDatabaseType}`,
    message: unscopedExport,
  },
];

// A test asserts whatever branch it takes (issue 18, item 8): no expect() that
// runs only when an if, a catch or .catch(), a switch case, an && / ?? or a
// one-sided ?: lets it, so a test cannot pass by skipping its assertion.
// Assert the branch instead (expect(ids.includes(id)).toBe(visible)), split an
// it.each table, or use it.runIf. (cond ? expect(x) : expect(x).not) asserts
// both ways and is allowed. Plain selectors rather than vitest's
// no-conditional-expect: no dependency, and they also reach the check
// functions of the matrix tables, which are not inside a test callback.
const expectCall = "CallExpression[callee.name='expect']";
const expectAt = (field) => `CallExpression.${field}[callee.name='expect']`;
const isAssertion = (field) => `:matches([${field}.callee.name='expect'], [${field}.object.callee.name='expect'])`;
const conditionalExpects = [
  `IfStatement > .consequent ${expectCall}`,
  `IfStatement > .alternate ${expectCall}`,
  `CatchClause ${expectCall}`,
  `CallExpression[callee.property.name='catch'] > .arguments ${expectCall}`,
  `SwitchCase ${expectCall}`,
  `LogicalExpression > .right ${expectCall}`,
  `LogicalExpression > ${expectAt("right")}`,
  `ConditionalExpression:not(${isAssertion("alternate")}) > .consequent ${expectCall}`,
  `ConditionalExpression:not(${isAssertion("alternate")}) > ${expectAt("consequent")}`,
  `ConditionalExpression:not(${isAssertion("consequent")}) > .alternate ${expectCall}`,
  `ConditionalExpression:not(${isAssertion("consequent")}) > ${expectAt("alternate")}`,
].map((selector) => ({
  selector,
  message:
    "An assertion that runs only on one branch can be skipped: assert the branch itself (expect(a.includes(b)).toBe(shouldSee)), split the it.each table, or use it.runIf.",
}));

export default tseslint.config(
  { ignores: ["build/**", ".react-router/**", "node_modules/**", "data/**", "coverage/**", "bench/results/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/routes/**", "app/root.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [mintScope, auditWriter], patterns: routeImportPatterns }] },
  },
  {
    files: ["app/features/**"],
    ignores: ["app/features/*/tables.ts", "app/features/identity/gate.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [mintScope, auditWriter],
          patterns: [
            tablesOfOtherFeatures,
            dbSchema,
            {
              group: ["~/routes/*", "~/server/*", "~/demo", "~/demo/*"],
              message: "Features do not depend on routes, the composition root or the demo seed.",
            },
            tenancyMatrixRows,
          ],
        },
      ],
    },
  },
  {
    files: ["app/routes/**", "app/root.tsx", "app/features/**"],
    ignores: ["app/features/*/policy.ts", "**/*.test.ts", "**/*.test.tsx", "app/features/*/tenancy-matrix.ts"],
    rules: { "no-restricted-syntax": ["error", ...roleChecksOutsidePolicy] },
  },
  // A later block's options for a rule replace an earlier one's for the same
  // file, so these repeat the earlier lists and add their own.
  {
    // Tests set up their data directly (and may sign in as the demo's people);
    // route modules never hold the database nor seed the demo.
    files: ["app/routes/**", "app/root.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [mintScope, auditWriter], patterns: [...routeImportPatterns, demoSeeders] }],
      "no-restricted-syntax": ["error", ...roleChecksOutsidePolicy, ...databaseHandleInRoutes],
    },
  },
  {
    // What routes may import takes a context: a raw Db, a transaction or an
    // unscoped RequestContext belongs in a *.internal.server.ts file.
    files: ["app/features/**/*.server.ts"],
    ignores: ["app/features/**/*.internal.server.ts", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...roleChecksOutsidePolicy, ...unscopedExports] },
  },
  {
    // The tenancy-matrix rows are test code outside *.test.ts: their check functions assert too.
    files: ["**/*.test.ts", "**/*.test.tsx", "app/test/**", "e2e/**", "app/features/*/tenancy-matrix.ts", "app/server/tenancy-matrix.ts"],
    rules: { "no-restricted-syntax": ["error", ...conditionalExpects] },
  },
  {
    files: ["app/features/*/tables.ts"],
    rules: {
      // Foreign keys may point at another feature's table; nothing else may.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/*"], message: "drizzle-kit reads tables.ts: use relative imports." }, tenancyMatrixRows] },
      ],
    },
  },
  {
    files: ["app/lib/**", "app/ui/**"],
    ignores: ["app/lib/db/schema.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [],
          patterns: [
            {
              group: ["~/features/*", "~/routes/*", "~/server/*", "~/demo", "~/demo/*", "../features/*", "../../features/*"],
              message: "lib and ui are below features: they must not import them.",
            },
            tenancyMatrixRows,
          ],
        },
      ],
    },
  },
  {
    // The demo seed (docs/decisions/0025) writes each feature's rows directly,
    // like a migration with data: the one place besides a feature that may
    // import its tables. It sits below the composition root, which calls it.
    files: ["app/demo/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [mintScope, auditWriter],
          patterns: [
            dbSchema,
            { group: ["~/routes/*", "~/server/*"], message: "The demo seed is called by the composition root." },
            tenancyMatrixRows,
          ],
        },
      ],
    },
  },
  {
    files: ["app/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [mintScope, auditWriter], patterns: [tablesOfOtherFeatures, dbSchema, tenancyMatrixRows] },
      ],
    },
  },
);
