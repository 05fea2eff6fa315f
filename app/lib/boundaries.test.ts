// The architecture's import rules, and the rule that keeps role checks in the
// policy modules, are enforced by ESLint; this proves the rules fire, so a
// config change cannot silently switch them off.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string, ruleId = "no-restricted-imports"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

/** Findings of the type rule: what a route may reach takes a context, never a raw Db. */
const typeRule = (filePath: string, code: string) => violations(filePath, code, "no-restricted-syntax");

describe("import boundaries", () => {
  it("forbids a route from importing a table", async () => {
    expect(
      await violations("app/routes/example.tsx", `import { users } from "~/features/identity/tables";\nexport const x = users;\n`),
    ).toHaveLength(1);
    expect(await violations("app/routes/example.tsx", `import * as s from "~/lib/db/schema";\nexport const x = s;\n`)).toHaveLength(1);
  });

  it("forbids a feature from reading another feature's tables", async () => {
    expect(
      await violations("app/features/audit/data.server.ts", `import { users } from "../identity/tables";\nexport const x = users;\n`),
    ).toHaveLength(1);
    expect(
      await violations("app/features/audit/data.server.ts", `import { auditLog } from "./tables";\nexport const x = auditLog;\n`),
    ).toHaveLength(0);
    // A sub-module (features/<name>/<sub>/) reads its own feature's tables, not another's.
    expect(
      await violations(
        "app/features/agreements/register/data.server.ts",
        `import { users } from "../../identity/tables";\nexport const x = users;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await violations(
        "app/features/agreements/register/data.server.ts",
        `import { agreements } from "../tables";\nexport const x = agreements;\n`,
      ),
    ).toHaveLength(0);
  });

  it("allows a feature to call another feature's public and internal functions", async () => {
    expect(
      await violations(
        "app/features/audit/data.server.ts",
        `import { listMembers } from "~/features/identity/data.server";\nexport const x = listMembers;\n`,
      ),
    ).toHaveLength(0);
    expect(
      await violations(
        "app/features/audit/data.server.ts",
        `import { findRecipients } from "~/features/identity/data.internal.server";\nexport const x = findRecipients;\n`,
      ),
    ).toHaveLength(0);
  });

  it("keeps routes and the root layout away from unscoped functions and demo seeders", async () => {
    for (const file of ["app/routes/example.tsx", "app/routes/api/example.ts", "app/root.tsx"]) {
      const [message] = await violations(
        file,
        `import { loadProposal } from "~/features/proposals/data.internal.server";\nexport const x = loadProposal;\n`,
      );
      expect(message).toContain("ScopedContext");
      expect(
        await violations(
          file,
          `import { runCommand } from "~/features/audit/run-command.internal.server";\nexport const x = runCommand;\n`,
        ),
      ).toHaveLength(1);
      expect(await violations(file, `import { seedDemoThemes } from "~/demo/themes";\nexport const x = seedDemoThemes;\n`)).toHaveLength(1);
      expect(await violations(file, `import { seedDemoData } from "~/demo";\nexport const x = seedDemoData;\n`)).toHaveLength(1);
      expect(await violations(file, `import { users } from "~/features/identity/tables";\nexport const x = users;\n`)).toHaveLength(1);
      expect(
        await violations(file, `import { listProposals } from "~/features/proposals/data.server";\nexport const x = listProposals;\n`),
      ).toHaveLength(0);
    }
    expect(
      await violations(
        "app/routes/example.tsx",
        `import { sendRenewalReminders } from "../features/agreements/reminders.internal.server";\nexport const x = sendRenewalReminders;\n`,
      ),
    ).toHaveLength(1);
    // A route's tests may sign in as the demo's people; they still keep to the rest.
    expect(
      await violations(
        "app/routes/api/example.test.ts",
        `import { DEMO_PASSWORD } from "~/demo/identity";\nexport const x = DEMO_PASSWORD;\n`,
      ),
    ).toHaveLength(0);
    expect(
      await violations(
        "app/routes/api/example.test.ts",
        `import { loadProposal } from "~/features/proposals/data.internal.server";\nexport const x = loadProposal;\n`,
      ),
    ).toHaveLength(1);
  });

  it("keeps the database handle out of route modules", async () => {
    expect(
      await typeRule("app/routes/example.tsx", `export const loader = (args: { context: { db: unknown } }) => args.context.db;\n`),
    ).toHaveLength(1);
    expect(await typeRule("app/routes/example.tsx", `export function loader({ db }: { db: unknown }) { return db; }\n`)).toHaveLength(1);
    expect(await typeRule("app/routes/example.tsx", `export const loader = (ctx: { scope: unknown }) => ctx.scope;\n`)).toHaveLength(0);
  });

  it("makes every function a route may import take a context, not a raw Db", async () => {
    const header = `import type { Db, Queryable, Tx } from "~/lib/db/client.server";\nimport type { PublicContext, RequestContext, ScopedContext } from "~/lib/tenancy";\n`;
    for (const file of [
      "app/features/proposals/data.server.ts",
      "app/features/proposals/commands.server.ts",
      "app/features/agreements/register/export.server.ts",
    ]) {
      expect(await typeRule(file, `${header}export async function f(db: Db, id: string) { return [db, id]; }\n`)).toHaveLength(1);
      expect(await typeRule(file, `${header}export async function f(ctx: ScopedContext, tx: Tx) { return [ctx, tx]; }\n`)).toHaveLength(1);
      expect(await typeRule(file, `${header}export const f = async (deps: { db: Queryable }) => deps;\n`)).toHaveLength(1);
      expect(await typeRule(file, `${header}export async function f(ctx: RequestContext) { return ctx; }\n`)).toHaveLength(1);
      expect(await typeRule(file, `${header}export async function f(ctx: ScopedContext | PublicContext) { return ctx; }\n`)).toHaveLength(
        0,
      );
      // Helpers the file does not export may take what they need.
      expect(
        await typeRule(file, `${header}async function f(db: Db) { return db; }\nexport const g = (ctx: ScopedContext) => f(ctx.db);\n`),
      ).toHaveLength(0);
    }
    expect(
      await typeRule("app/features/proposals/data.internal.server.ts", `${header}export async function f(db: Db) { return db; }\n`),
    ).toHaveLength(0);
  });

  it("lets only the gate mint a tenant scope", async () => {
    expect(
      await violations(
        "app/features/audit/data.server.ts",
        `import { mintTenantScope } from "~/lib/tenancy";\nexport const x = mintTenantScope;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await violations(
        "app/features/identity/gate.server.ts",
        `import { mintTenantScope } from "~/lib/tenancy";\nexport const x = mintTenantScope;\n`,
      ),
    ).toHaveLength(0);
  });

  it("leaves the audit entry to the command runner", async () => {
    const code = `import { recordAudit } from "~/features/audit/commands.internal.server";\nexport const x = recordAudit;\n`;
    expect(await violations("app/features/themes/commands.server.ts", code)).toHaveLength(1);
    // A route hears it twice: it is also an internal file.
    expect(await violations("app/routes/example.tsx", code)).toContainEqual(expect.stringContaining("runCommand"));
    expect(await violations("app/server/example.server.ts", code)).toHaveLength(1);
    expect(
      await violations(
        "app/features/themes/commands.server.ts",
        `import { runCommand } from "~/features/audit/run-command.internal.server";\nexport const x = runCommand;\n`,
      ),
    ).toHaveLength(0);
  });

  it("lets the demo seed write the features' rows, below the composition root and out of features", async () => {
    expect(
      await violations("app/demo/themes.ts", `import { themes } from "~/features/themes/tables";\nexport const x = themes;\n`),
    ).toHaveLength(0);
    expect(
      await violations("app/demo/index.ts", `import { createRuntime } from "~/server/runtime.server";\nexport const x = createRuntime;\n`),
    ).toHaveLength(1);
    expect(
      await violations(
        "app/features/themes/commands.server.ts",
        `import { seedDemoThemes } from "~/demo/themes";\nexport const x = seedDemoThemes;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await violations("app/server/runtime.server.ts", `import { seedDemoData } from "~/demo";\nexport const x = seedDemoData;\n`),
    ).toHaveLength(0);
  });

  it("keeps the tenancy-matrix rows test code: collected by glob, imported by nothing", async () => {
    const rows = (from: string) => `import { tenancyRows } from "${from}";\nexport const x = tenancyRows;\n`;
    for (const [file, from] of [
      ["app/features/themes/commands.server.ts", "./tenancy-matrix"],
      ["app/features/agreements/register/data.server.ts", "../tenancy-matrix"],
      ["app/features/meetings/tenancy-matrix.ts", "~/features/agreements/tenancy-matrix"],
      ["app/routes/api/themes.ts", "~/features/themes/tenancy-matrix"],
      ["app/routes/api/example.test.ts", "~/server/tenancy-matrix"],
      ["app/server/runtime.server.ts", "./tenancy-matrix"],
      ["app/demo/themes.ts", "~/features/themes/tenancy-matrix"],
    ] as const) {
      expect(await violations(file, rows(from)), `${file} importing ${from}`).toHaveLength(1);
    }
    // Their shared vocabulary is test code that rows and the matrix test import.
    const vocabulary = `import { statuses } from "~/test/tenancy-matrix";\nexport const x = statuses;\n`;
    expect(await violations("app/features/themes/tenancy-matrix.ts", vocabulary)).toHaveLength(0);
    expect(await violations("app/routes/api/tenancy.test.ts", vocabulary)).toHaveLength(0);
    // ~/lib/tenancy is not a rows file.
    expect(
      await violations("app/server/context.server.ts", `import type { TenantScope } from "~/lib/tenancy";\nexport type X = TenantScope;\n`),
    ).toHaveLength(0);
    // Their check functions are held to the tests' rule: no assertion behind an if.
    expect(
      await typeRule(
        "app/features/themes/tenancy-matrix.ts",
        `import { expect } from "vitest";\nexport const check = (seen: boolean) => {\n  if (seen) expect(seen).toBe(true);\n};\n`,
      ),
    ).toHaveLength(1);
  });

  it("keeps lib below features", async () => {
    expect(
      await violations("app/lib/example.ts", `import { x } from "~/features/identity/data.server";\nexport const y = x;\n`),
    ).toHaveLength(1);
  });
});

describe("authorization in the policy modules (docs/decisions/0018)", () => {
  const roleChecks = (filePath: string, code: string) =>
    violations(filePath, `declare const scope: { role: string; organizationKind: string };\n${code}`, "no-restricted-syntax");
  const checks = [
    `export const x = scope.role === "desk_admin";`,
    `export const x = "platform_admin" !== scope?.role;`,
    `export const x = ["member", "coordinator"].includes(scope.role);`,
    `export function x() { switch (scope.role) { default: return 1; } }`,
  ];

  it.each([
    "app/routes/example.tsx",
    "app/routes/api/example.ts",
    "app/root.tsx",
    "app/features/agreements/register/commands.server.ts",
    "app/features/identity/navigation.ts",
  ])("forbids role checks in %s", async (filePath) => {
    for (const code of checks) expect(await roleChecks(filePath, code), code).toHaveLength(1);
  });

  it("allows them in a feature's policy.ts, and other comparisons anywhere", async () => {
    for (const code of checks) expect(await roleChecks("app/features/agreements/policy.ts", code), code).toHaveLength(0);
    expect(await roleChecks("app/routes/example.tsx", `export const x = scope.organizationKind === "municipality";`)).toHaveLength(0);
  });
});
