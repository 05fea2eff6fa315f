// Each role's home opens with its work (issue 20), at a desk's 1280 px and a
// phone's 375 px: the counts of what needs attention link to the filtered
// lists, each role sees its own sections, the phone's header folds into one
// menu, nothing scrolls sideways, and axe finds nothing.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

const homes = [
  {
    email: "desk@demo.renkei.example",
    sections: ["回答待ちの提案（受付の古い順）", "期限が近い協定（終了・異議申出期限まで180日以内）", "次の会議", "期限を過ぎたアクション"],
  },
  { email: "dept@demo.renkei.example", sections: ["共有された提案", "担当する協定の連携事項", "次の会議", "期限を過ぎたアクション"] },
  { email: "company@demo.renkei.example", sections: ["自組織の提案", "締結中の協定", "次の会議", "期限を過ぎたアクション"] },
  { email: "coordinator@demo.renkei.example", sections: ["担当する自治体", "自組織の提案", "締結中の協定"] },
  { email: "admin@demo.renkei.example", sections: ["登録状況", "最近の利用登録"] },
];

async function opened(width: number) {
  const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
  await page.setViewportSize({ width, height: 800 });
  return { context, page };
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe("each role's home", () => {
  for (const width of [1280, 375]) {
    it.each(homes)(`shows $email its work at ${width} px`, async ({ email, sections }) => {
      const { context, page } = await opened(width);
      await login(page, email);
      for (const name of sections) await page.getByRole("heading", { name, exact: true }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await expectAccessible(page);
      await context.close();
    });
  }

  for (const width of [1280, 375]) {
    it(`shows a citizen open themes, recent agreements and a way to their municipality at ${width} px`, async () => {
      const { context, page } = await opened(width);
      await page.goto("/");
      for (const name of ["募集中のテーマ", "最近締結された協定", "企業・大学・団体の方へ"])
        await page.getByRole("heading", { name }).waitFor();
      expect(await page.getByTestId("public-agreements").locator("li").count()).toBeGreaterThan(0);
      expect(await scrollsSideways(page)).toBe(false);
      await expectAccessible(page);
      await page.getByLabel("自治体を探す（名前・よみがな・団体コード）").fill("小松");
      await page.getByRole("button", { name: "検索" }).click();
      await page.getByRole("link", { name: "石川県小松市" }).click();
      await page.getByRole("heading", { level: 1, name: /石川県小松市/ }).waitFor();
      await page.goto("/themes");
      await page.locator("main ul a").first().click();
      await page.getByRole("link", { name: "ログインしてこのテーマに提案する" }).waitFor();
      await context.close();
    });
  }

  it("leads the desk from its count of waiting proposals to the inbox's waiting view, oldest first", async () => {
    const { context, page } = await opened(1280);
    await login(page, "desk@demo.renkei.example");
    const waiting = page.getByTestId("attention-count").filter({ hasText: "回答待ちの提案" });
    const count = Number((await waiting.locator("span").first().textContent())?.trim());
    expect(count).toBeGreaterThan(0);
    await waiting.click();
    await page.waitForURL(/\/proposals\?queue=waiting$/);
    await page
      .getByRole("link", { name: `回答待ち（${count}件）` })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    // Oldest first: the days since receipt never grow down the list.
    const ages = (await page.locator("tbody tr td:nth-child(4)").allTextContents()).map((t) => Number(/受付から(\d+)日/.exec(t)?.[1]));
    expect(ages).toHaveLength(count);
    expect([...ages].sort((a, b) => b - a)).toEqual(ages);
    await expectAccessible(page);
    await context.close();
  });

  it("folds the phone's header into one menu of sections that closes when a link is followed", async () => {
    const { context, page } = await opened(375);
    await login(page, "desk@demo.renkei.example");
    const header = await page.locator("header").boundingBox();
    expect(header!.height).toBeLessThan(120);
    await page.locator("summary", { hasText: "メニュー" }).click();
    const menu = page.getByRole("navigation", { name: "メインナビゲーション" });
    for (const name of ["業務", "探す", "管理・設定"]) await menu.getByRole("heading", { name }).waitFor();
    await expectAccessible(page);
    await menu.getByRole("link", { name: "監査ログ" }).click();
    await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    await context.close();
  });

  it("keeps the desk's settings in one menu on a wide screen", async () => {
    const { context, page } = await opened(1280);
    await login(page, "desk@demo.renkei.example");
    const bar = page.getByRole("navigation", { name: "メインナビゲーション" });
    expect(await bar.getByRole("link").count()).toBeLessThanOrEqual(8);
    await bar.getByText("管理・設定").click();
    await bar.getByRole("link", { name: "協定書のひな形" }).click();
    await page.waitForURL(/\/desk\/agreement-template$/);
    expect(await bar.getByRole("link", { name: "協定書のひな形" }).isVisible()).toBe(false);
    await context.close();
  });
});
