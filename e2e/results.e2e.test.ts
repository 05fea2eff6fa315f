import { describe, expect, it } from "vitest";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();
const AGREEMENT = "小松市と北陸みらいモビリティ株式会社・加賀テクノ大学との包括連携協定";

describe("results journeys", () => {
  it("lets the desk start a project under an item not started, refusing a vague KPI and taking a SMART one", async () => {
    const { page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk@demo.renkei.example");
    await page.goto("/agreements");
    await page.getByRole("link", { name: AGREEMENT }).click();
    const projects = page.getByTestId("agreement-projects");
    // Items with no project say so; one of them starts a project.
    await projects.getByText("未着手").first().waitFor();
    await projects.getByRole("link", { name: /この事項で事業を登録.*子育て世帯の移動支援/ }).click();
    expect(await page.getByRole("checkbox", { name: "子育て世帯の移動支援" }).isChecked()).toBe(true);
    expect(await page.locator("#field-leadDepartmentId option:checked").textContent()).toBe("こども家庭センター");
    await page.locator("#field-title").fill("子育て世帯の送迎支援");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByText("連携事業を登録しました。").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "KPIを追加" }).click();
    await page.locator("#kpi-template").selectOption({ label: "子育て支援プログラムの参加者数" });
    await page.getByRole("button", { name: "このひな形を使う" }).click();
    await page.waitForURL(/template=childcare\.programParticipants/);
    await expect.poll(() => page.locator("#field-name").inputValue()).toBe("子育て支援プログラムの参加者数");
    // A vague KPI: no unit, a word for a target, no date.
    await page.locator("#field-unit").fill("");
    await page.locator("#field-targetValue").fill("増やす");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.locator("#field-unit-error").waitFor();
    expect(await page.locator("#field-unit-error").textContent()).toContain("単位のない指標は測れません");
    expect(await page.locator("#field-targetValue-error").textContent()).toContain("数値で入力してください");
    expect(await page.locator("#field-targetOn-error").textContent()).toContain("いつまでに達成するか");
    await expectAccessible(page);
    await page.locator("#field-unit").fill("組");
    await page.locator("#field-baselineValue").fill("0");
    await page.locator("#field-baselineOn").fill("2026-04-01");
    await page.locator("#field-targetValue").fill("３００");
    await page.locator("#field-targetOn").fill("2027-03-31");
    await page.locator("#field-ownerName").fill("こども家庭センター");
    await page.getByRole("button", { name: "追加する" }).click();
    await page.getByText("KPIを追加しました。").waitFor();
    await page.getByText("300組（令和9年3月31日まで）").waitFor();
    await expectAccessible(page);
  });

  it("lets the lead department enter a month's figure on a phone", async () => {
    const { page } = await newPage(journey.browser, journey.server.baseUrl);
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, "dept@demo.renkei.example");
    await page.goto("/agreements");
    await page.getByRole("link", { name: AGREEMENT }).click();
    await page.getByTestId("agreement-projects").getByRole("link", { name: "オンデマンド交通「のりあいこまつ」の運行" }).first().click();
    await page.getByRole("link", { name: "オンデマンド交通の月間利用者数" }).click();
    // The likely period is chosen: the newest that has ended without a figure.
    const period = await page.locator("#field-periodStart option:checked").textContent();
    expect(period).toMatch(/^令和\d+年\d+月$/);
    await page.locator("#field-value").fill("1,050");
    await page.locator("#field-note").fill("新地区の運行開始で増加");
    await page.getByRole("button", { name: "入力する" }).click();
    await page.getByText("実績を入力しました。").waitFor();
    await page.getByRole("cell", { name: "1,050人" }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await expectAccessible(page);
  });
});

describe("agreement health", () => {
  it("opens the desk's home with an agreement going quiet, and recording a meeting raises its score", async () => {
    const { page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk2@demo.renkei.example");
    const quiet = page.locator("#quiet-agreements");
    await quiet.getByRole("link", { name: "創業支援に関する事業連携協定" }).click();
    await page.getByTestId("health-score").waitFor();
    const scoreOf = async () => Number((await page.getByTestId("health-score").textContent())!.replace(/\D/g, ""));
    const before = await scoreOf();
    expect(await page.getByRole("cell", { name: "最後の実務者会議からの日数" }).count()).toBe(1);
    await expectAccessible(page);

    // The working meeting held yesterday is recorded.
    const agreementPath = new URL(page.url()).pathname.replace(/\/health$/, "");
    await page.goto(`${agreementPath}/meetings`);
    const yesterday = new Date(Date.now() + 9 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    await page.locator("#field-kind").selectOption("working");
    await page.locator("#field-title").fill("実務者会議（創業相談会の振り返り）");
    await page.locator("#field-startsAt").fill(`${yesterday}T10:00`);
    await page.locator("#field-endsAt").fill(`${yesterday}T11:00`);
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByText("会議を登録しました。").waitFor();

    // The job queue scores the agreement again; the page shows it once it has.
    let after = before;
    for (let attempt = 0; attempt < 30 && after <= before; attempt++) {
      await page.goto(`${agreementPath}/health`);
      after = await scoreOf();
      if (after <= before) await page.waitForTimeout(1000);
    }
    expect(after).toBe(before + 15);
    await page.goto(agreementPath);
    expect(await page.getByTestId("agreement-health-line").textContent()).toContain(`健康度 ${after}点`);
  });
});
