import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

/** Reads the newest mail to `to` from the outbox as the platform admin, returning the first app link in it. */
async function linkFromOutbox(page: Page, to: string, path: string): Promise<string> {
  await login(page, "admin@demo.renkei.example");
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.goto("/admin/outbox");
    const item = page.locator("li", { hasText: to }).first();
    if (await item.count()) {
      const body = await item.locator("pre").first().textContent();
      const match = new RegExp(`http://localhost:\\d+${path}[^\\s]+`).exec(body ?? "");
      if (match) return new URL(match[0]).pathname + new URL(match[0]).search;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no mail to ${to}`);
}

describe("identity journeys", () => {
  it("invites a department colleague who joins through the mailed link", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/org/members");
    await desk.page.getByLabel("メールアドレス").fill("kankyo@city.example.jp");
    await desk.page.getByLabel("役割").selectOption("department_staff");
    await desk.page.getByRole("button", { name: "招待を送る" }).click();
    // Department staff need a department: the error is shown and the email kept.
    await desk.page.locator("#field-departmentId-error").waitFor();
    expect(await desk.page.locator("#field-departmentId-error").textContent()).toContain("部署職員には部署を指定してください");
    expect(await desk.page.getByLabel("メールアドレス").inputValue()).toBe("kankyo@city.example.jp");
    await desk.page.getByLabel("部署").selectOption({ label: "環境対策課" });
    await desk.page.getByRole("button", { name: "招待を送る" }).click();
    await desk.page.getByText("kankyo@city.example.jp に招待を送りました。").waitFor();
    await desk.context.close();

    const admin = await newPage(journey.browser, journey.server.baseUrl);
    const link = await linkFromOutbox(admin.page, "kankyo@city.example.jp", "/invitations/");
    await admin.context.close();

    const invitee = await newPage(journey.browser, journey.server.baseUrl);
    await invitee.page.goto(link);
    expect(await invitee.page.locator("h1").textContent()).toBe("招待を受ける");
    await expectAccessible(invitee.page);
    await invitee.page.getByLabel("氏名").fill("環境 みどり");
    await invitee.page.locator("#field-password").fill("midori-password-1");
    await invitee.page.getByRole("button", { name: "参加する" }).click();
    await invitee.page.getByText("小松市 に参加しました。").waitFor();
    expect(await invitee.page.getByTestId("active-role").textContent()).toContain("部署職員（環境対策課）");
    await invitee.context.close();

    // The desk admin gives her another role, then takes her out of the organisation (on a phone).
    const admin2 = await newPage(journey.browser, journey.server.baseUrl);
    await admin2.page.setViewportSize({ width: 375, height: 800 });
    await login(admin2.page, "desk@demo.renkei.example");
    await admin2.page.goto("/org/members");
    await admin2.page.getByRole("link", { name: "環境 みどり さんの役割の変更・削除" }).click();
    await admin2.page.getByRole("heading", { level: 1, name: "環境 みどり さんの役割の変更・削除" }).waitFor();
    await expectAccessible(admin2.page);
    await admin2.page.locator("#field-role").selectOption("desk_staff");
    await admin2.page.getByRole("button", { name: "役割を変更する" }).click();
    await admin2.page.getByText("メンバーの役割を変更しました。").waitFor();
    expect(await admin2.page.getByRole("row", { name: /環境 みどり/ }).textContent()).toContain("公民連携デスク職員");
    await admin2.page.getByRole("link", { name: "環境 みどり さんの役割の変更・削除" }).click();
    await admin2.page.getByRole("button", { name: "メンバーから外す" }).click();
    await admin2.page.getByText("メンバーから外しました。").waitFor();
    expect(await admin2.page.getByRole("row", { name: /環境 みどり/ }).count()).toBe(0);
    // Her own row offers nothing: nobody removes themselves.
    expect(await admin2.page.getByRole("link", { name: /連携 花子 さん/ }).count()).toBe(0);
    await admin2.context.close();
  });

  it("resets a forgotten password through the mailed link", async () => {
    const person = await newPage(journey.browser, journey.server.baseUrl);
    await person.page.goto("/forgot-password");
    await person.page.getByLabel("メールアドレス").fill("company2@demo.renkei.example");
    await person.page.getByRole("button", { name: "再設定メールを送る" }).click();
    await person.page.getByText("再設定用のリンクを送りました").waitFor();

    const admin = await newPage(journey.browser, journey.server.baseUrl);
    const link = await linkFromOutbox(admin.page, "company2@demo.renkei.example", "/reset-password");
    await admin.context.close();

    await person.page.goto(link);
    await person.page.locator("#field-password").fill("short");
    await person.page.locator("#field-passwordConfirm").fill("different");
    await person.page.getByRole("button", { name: "パスワードを変更する" }).click();
    await person.page.locator("#field-password-error").waitFor();
    expect(await person.page.locator("#field-password-error").textContent()).toContain("10文字以上");
    // With a valid password, a confirmation that differs is its own error.
    await person.page.locator("#field-password").fill("long-enough-password");
    await person.page.locator("#field-passwordConfirm").fill("something-else-entirely");
    await person.page.getByRole("button", { name: "パスワードを変更する" }).click();
    await person.page.locator("#field-passwordConfirm-error").waitFor();
    await expectAccessible(person.page);
    await person.page.locator("#field-password").fill("brand-new-password");
    await person.page.locator("#field-passwordConfirm").fill("brand-new-password");
    await person.page.getByRole("button", { name: "パスワードを変更する" }).click();
    await person.page.getByText("パスワードを変更しました").waitFor();
    await login(person.page, "company2@demo.renkei.example", "brand-new-password");
    expect(await person.page.locator("h1").textContent()).toBe("株式会社かがやきフードラボ");
    await person.context.close();

    // The old password no longer works.
    const again = await newPage(journey.browser, journey.server.baseUrl);
    await again.page.goto("/login");
    await again.page.getByLabel("メールアドレス").fill("company2@demo.renkei.example");
    await again.page.locator("#field-password").fill(DEMO_PASSWORD);
    await again.page.getByRole("button", { name: "ログイン" }).click();
    await again.page.getByText("メールアドレスまたはパスワードが正しくありません。").waitFor();
    await again.context.close();
  });

  it("creates a personal API token in settings that the API accepts", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "company@demo.renkei.example");
    await page.goto("/settings");
    await page.getByRole("button", { name: "トークンを作成" }).click();
    await page.locator("#field-name-error").waitFor();
    await page.getByLabel("トークン名").fill("CSR レポート連携");
    await page.getByRole("button", { name: "トークンを作成" }).click();
    const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^rk_/);
    await expectAccessible(page);
    const me = await fetch(`${journey.server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe("company@demo.renkei.example");
    await page.getByRole("button", { name: "無効にする: CSR レポート連携" }).click();
    await page.getByText("トークンを無効にしました。").waitFor();
    const after = await fetch(`${journey.server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await context.close();
  });

  it("lets the platform admin register an organisation and a desk add a department", async () => {
    const admin = await newPage(journey.browser, journey.server.baseUrl);
    await login(admin.page, "admin@demo.renkei.example");
    await admin.page.goto("/admin/organizations/new");
    await admin.page.getByLabel("種別").selectOption("company");
    await admin.page.locator("#field-name").fill("湊ソーラー株式会社");
    await admin.page.getByLabel("法人番号").fill("1234567890123");
    await admin.page.getByRole("button", { name: "登録する" }).click();
    await admin.page.locator("#field-corporateNumber-error").waitFor();
    await expectAccessible(admin.page);
    await admin.page.getByLabel("法人番号").fill("");
    await admin.page.getByRole("checkbox", { name: "環境・脱炭素・ごみ・フードロス" }).check();
    await admin.page.getByRole("button", { name: "登録する" }).click();
    await admin.page.getByText("湊ソーラー株式会社 を登録しました。").waitFor();
    await admin.page.goto(`/admin/organizations?q=${encodeURIComponent("湊ソーラー")}`);
    expect(await admin.page.locator("table").textContent()).toContain("環境・脱炭素");
    // A typo in the name is corrected from the register: the form shows what is registered.
    await admin.page.getByRole("link", { name: "湊ソーラー株式会社" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "湊ソーラー株式会社 の登録内容を直す" }).waitFor();
    expect(await admin.page.getByRole("checkbox", { name: "環境・脱炭素・ごみ・フードロス" }).isChecked()).toBe(true);
    await expectAccessible(admin.page);
    await admin.page.locator("#field-name").fill("");
    await admin.page.getByRole("button", { name: "保存する" }).click();
    await admin.page.locator("#field-name-error").waitFor();
    await admin.page.locator("#field-name").fill("湊ソーラー発電株式会社");
    await admin.page.getByRole("button", { name: "保存する" }).click();
    await admin.page.getByText("湊ソーラー発電株式会社 の登録内容を保存しました。").waitFor();
    await admin.page.getByRole("link", { name: "湊ソーラー発電株式会社" }).waitFor();
    await admin.context.close();

    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk2@demo.renkei.example");
    await desk.page.goto("/org");
    await desk.page.locator("#field-name").fill("危機管理課");
    await desk.page.getByRole("button", { name: "部署を追加する" }).click();
    await desk.page.getByText("危機管理課 を登録しました。").waitFor();
    await desk.page.getByRole("cell", { name: "危機管理課", exact: true }).waitFor();
    await expectAccessible(desk.page);
    await desk.context.close();
  });
});
