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

describe("import boundaries", () => {
  it("forbids a route from importing a table", async () => {
    expect(await violations("app/routes/example.tsx", `import { users } from "~/features/identity/tables";\nexport const x = users;\n`)).toHaveLength(1);
    expect(await violations("app/routes/example.tsx", `import * as s from "~/lib/db/schema";\nexport const x = s;\n`)).toHaveLength(1);
  });

  it("forbids a feature from reading another feature's tables", async () => {
    expect(await violations("app/features/audit/data.server.ts", `import { users } from "../identity/tables";\nexport const x = users;\n`)).toHaveLength(1);
    expect(await violations("app/features/audit/data.server.ts", `import { auditLog } from "./tables";\nexport const x = auditLog;\n`)).toHaveLength(0);
  });

  it("allows a feature to call another feature's public functions", async () => {
    expect(await violations("app/features/audit/data.server.ts", `import { findRecipients } from "~/features/identity/data.server";\nexport const x = findRecipients;\n`)).toHaveLength(0);
  });

  it("lets only the gate mint a tenant scope", async () => {
    expect(await violations("app/features/audit/data.server.ts", `import { mintTenantScope } from "~/lib/tenancy";\nexport const x = mintTenantScope;\n`)).toHaveLength(1);
    expect(await violations("app/features/identity/gate.server.ts", `import { mintTenantScope } from "~/lib/tenancy";\nexport const x = mintTenantScope;\n`)).toHaveLength(0);
  });

  it("leaves the audit entry to the command runner", async () => {
    const code = `import { recordAudit } from "~/features/audit/commands.internal.server";\nexport const x = recordAudit;\n`;
    expect(await violations("app/features/themes/commands.server.ts", code)).toHaveLength(1);
    expect(await violations("app/routes/example.tsx", code)).toHaveLength(1);
    expect(await violations("app/server/example.server.ts", code)).toHaveLength(1);
    expect(await violations("app/features/themes/commands.server.ts", `import { runCommand } from "~/features/audit/run-command.internal.server";\nexport const x = runCommand;\n`)).toHaveLength(0);
  });

  it("keeps lib below features", async () => {
    expect(await violations("app/lib/example.ts", `import { x } from "~/features/identity/data.server";\nexport const y = x;\n`)).toHaveLength(1);
  });
});

describe("authorization in the policy modules (docs/decisions/0018)", () => {
  const roleChecks = (filePath: string, code: string) => violations(filePath, `declare const scope: { role: string; organizationKind: string };\n${code}`, "no-restricted-syntax");
  const checks = [
    `export const x = scope.role === "desk_admin";`,
    `export const x = "platform_admin" !== scope?.role;`,
    `export const x = ["member", "coordinator"].includes(scope.role);`,
    `export function x() { switch (scope.role) { default: return 1; } }`,
  ];

  it.each(["app/routes/example.tsx", "app/routes/api/example.ts", "app/root.tsx", "app/features/agreements/commands.server.ts", "app/features/identity/navigation.ts"])("forbids role checks in %s", async (filePath) => {
    for (const code of checks) expect(await roleChecks(filePath, code), code).toHaveLength(1);
  });

  it("allows them in a feature's policy.ts, and other comparisons anywhere", async () => {
    for (const code of checks) expect(await roleChecks("app/features/agreements/policy.ts", code), code).toHaveLength(0);
    expect(await roleChecks("app/routes/example.tsx", `export const x = scope.organizationKind === "municipality";`)).toHaveLength(0);
  });
});
