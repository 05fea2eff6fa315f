import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

async function act(page: Page, button: string, done: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByText(done).first().waitFor();
}

describe("proposal journeys", () => {
  it("carries a theme proposal from submission through screening, sharing and dialogue to agreement preparation", async () => {
    const title = "バス停までの移動を支える電動カートの試行";
    // 1. The proposer drafts against a published theme; errors are Japanese and nothing typed is lost.
    const company = await newPage(journey.browser, journey.server.baseUrl);
    await login(company.page, "company@demo.renkei.example");
    await company.page.goto("/themes");
    await company.page.getByRole("link", { name: "郊外部の買い物・通院の足を確保したい" }).click();
    await company.page.getByRole("link", { name: "このテーマに提案する" }).click();
    await company.page.locator("#field-title").fill(title);
    await company.page.locator("#field-summary").fill("低速の電動カートで、自宅からバス停や商店までを結びます。");
    await company.page.getByRole("button", { name: "提出する" }).click();
    await company.page.getByRole("alert").first().waitFor();
    for (const field of ["plan", "benefitCitizens", "benefitPartner", "benefitMunicipality"]) {
      expect(await company.page.locator(`#field-${field}-error`).textContent()).toContain("入力してください");
    }
    expect(await company.page.locator("#field-title").inputValue()).toBe(title);
    await expectAccessible(company.page);
    await company.page.locator("#field-plan").fill("2地区で半年間、予約制の電動カートを運行します。");
    await company.page.locator("#field-benefitCitizens").fill("坂道の多い地区でもバス停まで楽に行ける。");
    await company.page.locator("#field-benefitPartner").fill("車両と予約システムの実証ができる。");
    await company.page.locator("#field-benefitMunicipality").fill("既存のバス路線の利用が増える。");
    await company.page.getByRole("button", { name: "提出する" }).click();
    await company.page.getByText(`提案「${title}」を提出しました。`).waitFor();
    const proposalPath = new URL(company.page.url()).pathname;
    expect(await company.page.getByTestId("proposal-status").textContent()).toBe("受付");
    await expectAccessible(company.page);

    // Another company and another municipality cannot know it exists.
    for (const outsider of ["company2@demo.renkei.example", "desk2@demo.renkei.example"]) {
      const other = await newPage(journey.browser, journey.server.baseUrl);
      await login(other.page, outsider);
      expect((await other.page.goto(proposalPath))?.status()).toBe(404);
      await other.context.close();
    }

    // 2. The desk screens, accepts and shares it with the transport department.
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/proposals");
    await desk.page.getByRole("link", { name: title }).click();
    await expectAccessible(desk.page);
    await act(desk.page, "審査を始める", "「審査中」にしました");
    await act(desk.page, "対話に進める", "「対話中」にしました");
    await desk.page.getByRole("checkbox", { name: "交通政策課" }).check();
    await act(desk.page, "共有する", "部署に共有しました。");
    await desk.page.locator("#field-body").fill("交通政策課と一緒に、運行ルートのご相談をさせてください。");
    await act(desk.page, "投稿する", "投稿しました。");

    // 3. The shared department sees it in its list and records a meeting.
    const dept = await newPage(journey.browser, journey.server.baseUrl);
    await login(dept.page, "dept@demo.renkei.example");
    await dept.page.goto("/proposals");
    await dept.page.getByRole("link", { name: title }).click();
    await dept.page.getByLabel("種類").selectOption("meeting");
    await dept.page.locator("#field-body").fill("ルート案2本を比較。坂の多い東地区から始める。");
    await dept.page.locator("#field-meetingDate").fill("2026-11-20");
    await dept.page.locator("#field-attendees").fill("北陸みらいモビリティ、交通政策課、公民連携デスク");
    await act(dept.page, "投稿する", "投稿しました。");
    expect(await dept.page.getByTestId("messages").textContent()).toContain("打合せ記録");
    await expectAccessible(dept.page);
    await dept.context.close();

    // 4. The desk decides: an agreement is to be prepared.
    await desk.page.reload();
    await act(desk.page, "協定の準備に進む", "「協定の準備」にしました");
    await desk.context.close();

    // 5. The proposer sees every step and which city units opened the proposal.
    await company.page.reload();
    expect(await company.page.getByTestId("proposal-status").textContent()).toBe("協定の準備");
    const timeline = await company.page.getByTestId("timeline").textContent();
    for (const step of ["受付", "審査中", "対話中", "協定の準備"]) expect(timeline).toContain(step);
    const access = await company.page.getByTestId("access-log").textContent();
    expect(access).toContain("小松市（公民連携デスク管理者）");
    expect(access).toContain("小松市 交通政策課（部署職員）");
    await company.page.goto("/notifications");
    await company.page.getByText(`提案の状態が変わりました: ${title}`).first().waitFor();
    // One card for the proposal's whole journey, its earlier news folded beneath.
    const cards = company.page.getByTestId("notification-groups").locator(":scope > li", { hasText: title });
    expect(await cards.count()).toBe(1);
    await cards.getByText(/^これまでのお知らせ（\d+件）$/).click();
    await expectAccessible(company.page);
    await company.context.close();
  });

  it("declines with grounds the proposer can read, and requires a ground and a reason", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/proposals?status=submitted");
    await desk.page.getByRole("link", { name: "地元野菜を使った子ども向け食育ワークショップ" }).click();
    await desk.page.getByText("お受けできない", { exact: true }).click();
    await desk.page.getByRole("button", { name: "お受けできないと伝える" }).click();
    await desk.page.locator("#field-grounds-error").waitFor();
    expect(await desk.page.locator("#field-grounds-error").textContent()).toContain("1つ以上選んでください");
    expect(await desk.page.locator("#field-reason-error").textContent()).toContain("入力してください");
    await expectAccessible(desk.page);
    await desk.page.getByRole("checkbox", { name: "市の施策に反する、または矛盾・抵触する" }).check();
    await desk.page.locator("#field-reason").fill("市では同じ内容の事業を来年度から直営で行う予定のため、今回はお受けできません。");
    await desk.page.getByRole("button", { name: "お受けできないと伝える" }).click();
    await desk.page.getByText("お受けできません」にしました").waitFor();
    const path = new URL(desk.page.url()).pathname;
    await desk.context.close();

    const proposer = await newPage(journey.browser, journey.server.baseUrl);
    await login(proposer.page, "company2@demo.renkei.example");
    await proposer.page.goto(path);
    expect(await proposer.page.getByTestId("proposal-status").textContent()).toBe("お受けできません");
    expect(await proposer.page.getByText("市の施策に反する、または矛盾・抵触する").count()).toBe(1);
    expect(await proposer.page.getByTestId("decline-reason").textContent()).toContain("直営で行う予定");
    await expectAccessible(proposer.page);
    await proposer.context.close();
  });

  it("auto-saves a free proposal's draft while the proposer types", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "company2@demo.renkei.example");
    await page.goto("/proposals/new?municipality=272094");
    await page.locator("#field-title").fill("駅前の空き店舗を使った健康カフェ");
    await page.locator("#field-summary").fill("管理栄養士が常駐する健康相談つきのカフェを開きます。");
    await page.getByText("下書きを自動保存しました").waitFor({ timeout: 15_000 });
    await page.goto("/proposals?status=draft");
    await page.getByRole("link", { name: "駅前の空き店舗を使った健康カフェ" }).click();
    expect(await page.getByTestId("proposal-status").textContent()).toBe("下書き");
    // The desk of 守口市 does not see a draft.
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk2@demo.renkei.example");
    expect((await desk.page.goto(new URL(page.url()).pathname))?.status()).toBe(404);
    await desk.context.close();
    // The proposer changes its mind: the draft is deleted, after a second question.
    await page.goto(`${new URL(page.url()).pathname}/edit`);
    await page.getByText("この下書きを削除する").click();
    await page.getByRole("button", { name: "削除する" }).click();
    await page.getByText("下書き「駅前の空き店舗を使った健康カフェ」を削除しました。").waitFor();
    expect(await page.getByRole("link", { name: "駅前の空き店舗を使った健康カフェ" }).count()).toBe(0);
    await context.close();
  });

  it.each([true, false])(
    "reports every error of an empty proposal at once and focuses the summary (JavaScript %s)",
    async (javaScriptEnabled) => {
      const context = await journey.browser.newContext({ baseURL: journey.server.baseUrl, locale: "ja-JP", javaScriptEnabled });
      const page = await context.newPage();
      await login(page, "company2@demo.renkei.example");
      await page.goto("/proposals/new?municipality=272094");
      await page.getByRole("button", { name: "提出する" }).click();
      const summary = page.locator("[data-error-summary]");
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(/入力内容に \d+ 件のエラーがあります。/);
      expect(await summary.locator("li").count()).toBeGreaterThan(3);
      await page.waitForFunction(() => document.activeElement?.hasAttribute("data-error-summary"));
      expect(
        await summary.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight),
      ).toBe(true);
      await context.close();
    },
  );

  it("lets a company choose the municipality by name without JavaScript, on a phone, and propose to it from its page", async () => {
    const context = await journey.browser.newContext({
      baseURL: journey.server.baseUrl,
      locale: "ja-JP",
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await login(page, "company2@demo.renkei.example");
    await page.goto("/proposals/new");
    await page.getByRole("heading", { name: "提案先の自治体を選ぶ" }).waitFor();
    await page.getByLabel(/^自治体名・よみがな・団体コードで探す/).fill("もりぐち");
    await page.getByRole("button", { name: "検索" }).click();
    await page.getByRole("link", { name: "大阪府守口市に提案する" }).click();
    await page.getByText("提案先: 大阪府守口市（団体コード 272094）").waitFor();
    // Every error of the empty form in one answer, the choice kept.
    await page.getByRole("button", { name: "提出する" }).click();
    const summary = page.locator("[data-error-summary]");
    await summary.waitFor();
    expect(await summary.locator("li").count()).toBeGreaterThan(5);
    await page.getByText("提案先: 大阪府守口市（団体コード 272094）").waitFor();
    // A municipality that does not take proposals here is said so, and the picker is offered.
    await page.goto("/proposals/new?municipality=131016");
    await page.getByText("東京都千代田区は Renkei で提案を受け付けていません。受け付けている自治体から選んでください。").waitFor();
    // The directory leads to the municipality's page, which offers a free proposal.
    await page.goto("/municipalities?q=守口");
    await page.getByRole("link", { name: "大阪府守口市" }).click();
    await page.getByRole("link", { name: "大阪府守口市に自由提案する" }).click();
    await page.getByText("提案先: 大阪府守口市（団体コード 272094）").waitFor();
    await context.close();

    // The picker and the form on a phone, with JavaScript (axe runs in the page): no sideways scrolling, no violations.
    const phone = await newPage(journey.browser, journey.server.baseUrl);
    await phone.page.setViewportSize({ width: 375, height: 800 });
    await login(phone.page, "company2@demo.renkei.example");
    for (const path of ["/proposals/new?q=守口", "/proposals/new?municipality=272094"]) {
      await phone.page.goto(path);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await expectAccessible(phone.page);
    }
    await phone.context.close();
  });

  it("lets the desk admin change the role matrix", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk@demo.renkei.example");
    await page.goto("/desk/role-matrix");
    const cell = page.getByLabel("包括連携協定 提案の受付 担当部署");
    expect(await cell.inputValue()).toBe("none");
    await cell.selectOption("as_needed");
    await page.getByRole("button", { name: "役割分担表を保存" }).click();
    await page.getByText("役割分担表を保存しました。").waitFor();
    expect(await page.getByLabel("包括連携協定 提案の受付 担当部署").inputValue()).toBe("as_needed");
    await expectAccessible(page);
    await context.close();
  });
});
