import { describe, expect, it } from "vitest";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

const demoHomes = [
  { email: "admin@demo.renkei.example", org: "Renkei 運営事務局", role: "プラットフォーム管理者" },
  { email: "desk@demo.renkei.example", org: "小松市", role: "公民連携デスク管理者" },
  { email: "dept@demo.renkei.example", org: "小松市", role: "部署職員" },
  { email: "company@demo.renkei.example", org: "北陸みらいモビリティ株式会社", role: "メンバー" },
  { email: "company2@demo.renkei.example", org: "株式会社かがやきフードラボ", role: "メンバー" },
  { email: "desk2@demo.renkei.example", org: "守口市", role: "公民連携デスク管理者" },
  { email: "coordinator@demo.renkei.example", org: "一般社団法人 地域連携コーディネート機構", role: "コーディネーター" },
];

describe("foundation journeys", () => {
  it("shows an accessible public home page without outside requests", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await page.goto("/");
    expect(await page.locator("h1").textContent()).toContain("公民連携");
    await expectAccessible(page);
    await context.close();
  });

  it.each(demoHomes)("signs in $email and shows their organisation's home", async ({ email, org, role }) => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, email);
    expect(await page.locator("h1").textContent()).toBe(org);
    expect(await page.title()).toBe(`${org} | Renkei`);
    expect(await page.getByTestId("active-role").textContent()).toContain(role);
    await expectAccessible(page);
    await context.close();
  });

  it("shows login errors in Japanese, keeps the email and stays accessible", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await page.goto("/login");
    await page.getByLabel("メールアドレス").fill("desk@demo.renkei.example");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("入力してください");
    expect(await page.getByLabel("メールアドレス").inputValue()).toBe("desk@demo.renkei.example");
    await expectAccessible(page);
    await page.locator("#field-password").fill("wrong-password-0");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByText("メールアドレスまたはパスワードが正しくありません。").waitFor();
    await context.close();
  });

  it("switches the active organisation", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "coordinator@demo.renkei.example");
    expect(await page.locator("h1").textContent()).toBe("一般社団法人 地域連携コーディネート機構");
    await page.getByLabel("所属組織の切り替え").selectOption({ label: "守口市（公民連携デスク職員）" });
    await page.getByRole("button", { name: "切り替え" }).click();
    await page.getByText("守口市 に切り替えました。").waitFor();
    expect(await page.locator("h1").textContent()).toBe("守口市");
    expect(await page.getByTestId("active-role").textContent()).toContain("公民連携デスク職員");
    await expectAccessible(page);
    // The choice survives a reload.
    await page.reload();
    expect(await page.locator("h1").textContent()).toBe("守口市");
    await context.close();
  });

  it("rejects a wrong 法人番号 on sign-up with a Japanese field error and keeps the input", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await page.goto("/signup");
    await page.getByLabel("種別").selectOption("company");
    await page.locator("#field-organizationName").fill("テスト商事株式会社");
    await page.getByLabel("法人番号").fill("1234567890123");
    await page.getByLabel("氏名").fill("試験 太郎");
    await page.getByLabel("メールアドレス").fill("new-proposer@example.jp");
    await page.locator("#field-password").fill("long-enough-pw");
    await page.locator("#field-passwordConfirm").fill("long-enough-pw");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("#field-corporateNumber-error").textContent()).toContain("法人番号が正しくありません");
    expect(await page.getByLabel("法人番号").inputValue()).toBe("1234567890123");
    expect(await page.getByLabel("氏名").inputValue()).toBe("試験 太郎");
    await expectAccessible(page);
    await context.close();
  });

  it("answers unknown pages with a Japanese 404 and switches to English", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("ページが見つかりません。");
    await expectAccessible(page);
    await page.goto("/municipalities");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "Home" }).first().waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Municipalities of Japan");
    await expectAccessible(page);
    await context.close();
  });

  // The reference documents every endpoint on one page, which axe reads node by node: a longer timeout.
  it("serves the API reference and its OpenAPI document from the app itself", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk@demo.renkei.example");
    await page.goto("/settings");
    await page.getByRole("link", { name: "API の使い方（エンドポイント、入力、応答）は API リファレンスにあります。" }).click();
    // The URL changes before React commits the new page: wait for its heading.
    await page.getByRole("heading", { level: 1, name: "API リファレンス" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/developers/api");
    await page.locator("#postThemesByIdPublish").waitFor();
    await page.locator("#schema-ThemeDetail").waitFor();
    await expectAccessible(page);
    const res = await fetch(`${journey.server.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
    await context.close();
  }, 300_000);

  it("lets a person take a kind of mail once a day, on a phone", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, "company2@demo.renkei.example");
    await page.goto("/settings");
    await page.locator('[id="field-mail-agreements"]').selectOption("daily");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("設定を保存しました。").waitFor();
    await page.reload();
    expect(await page.locator('[id="field-mail-agreements"]').inputValue()).toBe("daily");
    expect(await page.locator('[id="field-mail-proposals"]').inputValue()).toBe("immediate");
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it("refuses a forged cross-site form post", async () => {
    const res = await fetch(`${journey.server.baseUrl}/logout`, {
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
  });

  it("lets the desk admin read the audit log and the platform admin the outbox", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk@demo.renkei.example");
    await page.goto("/org/members");
    await page.getByLabel("メールアドレス").fill("new-staff@city.example.jp");
    await page.getByLabel("役割").selectOption("desk_staff");
    await page.getByRole("button", { name: "招待を送る" }).click();
    await page.getByText("new-staff@city.example.jp に招待を送りました。").waitFor();
    await page.goto("/audit");
    expect(await page.locator("table").textContent()).toContain("メンバーを招待");
    await expectAccessible(page);
    // Narrowed to one action, the change reads as fields, and downloads as CSV.
    await page.locator("#field-action").selectOption({ label: "メンバーを招待" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await page.waitForURL(/action=invitation\.create/);
    const table = page.locator("table");
    await table.getByText("new-staff@city.example.jp").waitFor();
    expect(await table.locator("tbody tr").count()).toBe(1);
    expect(await table.textContent()).toContain("メールアドレス");
    const csv = await page.request.get(
      await page
        .getByRole("link", { name: "CSV（UTF-8）" })
        .getAttribute("href")
        .then((h) => h!),
    );
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("new-staff@city.example.jp");
    // Days in the wrong order: said on the form, nothing lost.
    await page.goto("/audit?from=2027-01-02&to=2027-01-01");
    await page.locator("[data-error-summary]").waitFor();
    expect(await page.locator("#field-from").inputValue()).toBe("2027-01-02");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/audit");
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();

    const admin = await newPage(journey.browser, journey.server.baseUrl);
    await login(admin.page, "admin@demo.renkei.example");
    await admin.page.goto("/admin/outbox");
    await admin.page.getByText("【Renkei】小松市 への招待").waitFor();
    await expectAccessible(admin.page);
    await admin.context.close();
  });

  it("gives every page its own title, naming the section a record sits in (WCAG 2.4.2)", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk@demo.renkei.example");
    const titles = new Map<string, string>();
    for (const path of [
      "/",
      "/proposals",
      "/agreements",
      "/desk/themes",
      "/notifications",
      "/settings",
      "/org/members",
      "/audit",
      "/themes",
    ]) {
      await page.goto(path);
      titles.set(path, await page.title());
    }
    await page.goto("/proposals");
    await page.locator("table a").first().click();
    await page.getByTestId("proposal-status").waitFor();
    const proposal = (await page.locator("h1").textContent()) ?? "";
    titles.set("a proposal", await page.title());
    expect(titles.get("a proposal")).toBe(`提案: ${proposal} | Renkei`);
    for (const title of titles.values()) expect(title).toMatch(/^\S.* \| Renkei$/);
    expect(new Set(titles.values()).size, JSON.stringify([...titles])).toBe(titles.size);
    // A client-side navigation changes it too.
    await page.getByRole("navigation", { name: "パンくずリスト" }).getByRole("link", { name: "提案" }).click();
    await page.waitForURL("**/proposals");
    await page.getByRole("heading", { level: 1, name: "提案の受付箱" }).waitFor();
    await page.waitForFunction((title) => document.title === title, titles.get("/proposals"));
    await context.close();
  });
});
