import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { icsEvents } from "../app/test/ics";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();
const TITLE = "職場で受けられる健診と健康ポイントに関する連携協定";

describe("agreement journeys", () => {
  it("turns a proposal into an agreement, records the approvals in order and signs it", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk2@demo.renkei.example");
    await desk.page.goto("/proposals?status=agreement_preparation");
    await desk.page.getByRole("link", { name: "職場で受けられる健診と健康ポイント" }).click();
    await desk.page.getByRole("link", { name: "この提案から協定を作る" }).click();
    // Prefilled from the proposal: the proposer is a party, its field an item.
    expect(await desk.page.locator("#field-title").inputValue()).toContain("職場で受けられる健診と健康ポイント");
    expect(await desk.page.getByRole("checkbox", { name: "株式会社かがやきフードラボ" }).isChecked()).toBe(true);
    // The department the proposal was shared with carries its item.
    expect(await desk.page.locator("#field-items-0-departmentId option:checked").textContent()).toBe("健康推進課");
    // Items are added and removed in place; a new row takes the keyboard.
    await desk.page.getByRole("button", { name: "連携事項を追加" }).click();
    await desk.page.getByRole("button", { name: "連携事項を追加" }).click();
    expect(await desk.page.evaluate(() => document.activeElement?.id)).toBe("field-items-2-title");
    await desk.page.locator("#field-items-1-title").fill("健康ポイントの共同運用");
    await desk.page.locator("#field-items-1-field").selectOption("health");
    await desk.page.getByRole("button", { name: "第3項を削除" }).click();
    expect(await desk.page.locator("#field-items-2-title").count()).toBe(0);
    await desk.page.locator("#field-purpose").fill("");
    await desk.page.getByRole("button", { name: "協定を登録する" }).click();
    await desk.page.locator("#field-purpose-error").waitFor();
    await expectAccessible(desk.page);
    await desk.page.locator("#field-purpose").fill("働く世代の健診受診率を高める。");
    await desk.page.locator("#field-startsOn").fill("2027-04-01");
    await desk.page.locator("#field-endsOn").fill("2030-03-31");
    await desk.page.getByRole("button", { name: "協定を登録する" }).click();
    await desk.page.getByText("を登録しました。").waitFor();
    expect(await desk.page.getByTestId("agreement-status").textContent()).toBe("起案中");
    await desk.page.getByRole("cell", { name: "健康ポイントの共同運用" }).waitFor();

    await desk.page.getByRole("button", { name: "決裁に回す" }).click();
    await desk.page.getByText("協定を「決裁中」にしました。").waitFor();
    await expectAccessible(desk.page);
    const recordStep = async (page: typeof desk.page, label: string, approverName: string) => {
      await page.locator("#field-stepId").selectOption({ label });
      await page.locator("#field-approverName").fill(approverName);
      // The same notice stays from the step before: wait until this step's page has come back.
      const reloaded = page.waitForResponse((r) => r.request().method() === "GET" && r.url().includes(".data"));
      await page.getByRole("button", { name: "決裁を記録する" }).click();
      await reloaded;
      await page.getByText("決裁を記録しました。").waitFor();
      await page.waitForFunction(() => !document.querySelector('form[aria-busy="true"]'));
    };
    for (const step of ["担当課長", "担当部長", "副市長", "市長"]) await recordStep(desk.page, `${step}（守口市）`, `${step} 決裁者`);

    // The company records its own board's approval; the city's steps and approvers are not shown to it.
    const partner = await newPage(journey.browser, journey.server.baseUrl);
    await login(partner.page, "company2@demo.renkei.example");
    await partner.page.goto("/agreements");
    await partner.page.getByRole("link", { name: TITLE }).click();
    expect(await partner.page.getByTestId("approval-progress").textContent()).toBe("両者の決裁 全5段階のうち 4段階が承認済みです。");
    expect(await partner.page.getByText("市長 決裁者").count()).toBe(0);
    await recordStep(partner.page, "社内決裁（法務確認・取締役会等）（株式会社かがやきフードラボ）", "代表取締役 決裁者");
    expect(await partner.page.getByTestId("approval-progress").textContent()).toBe("両者の決裁 全5段階のうち 5段階が承認済みです。");
    await expectAccessible(partner.page);
    await partner.context.close();
    await desk.page.reload();
    await desk.page.locator("#field-signedOn").fill("2027-03-25");
    await desk.page.locator("#field-publicSummary").fill("市と企業が職場健診で連携します。");
    await desk.page.getByRole("button", { name: "締結を記録する" }).click();
    await desk.page.getByText("協定を「締結済み」にしました。").waitFor();
    expect(await desk.page.getByTestId("signed-on").textContent()).toContain("令和9年3月25日");
    await desk.context.close();

    // The partner sees it in its register; the public sees it on the municipality's page.
    const company = await newPage(journey.browser, journey.server.baseUrl);
    await login(company.page, "company2@demo.renkei.example");
    await company.page.goto("/agreements");
    await company.page.getByRole("link", { name: "職場で受けられる健診と健康ポイントに関する連携協定" }).waitFor();
    await expectAccessible(company.page);
    await company.context.close();

    const visitor = await newPage(journey.browser, journey.server.baseUrl);
    await visitor.page.goto("/municipalities/272094/themes");
    expect(await visitor.page.getByTestId("public-agreements").textContent()).toContain(
      "職場で受けられる健診と健康ポイントに関する連携協定",
    );
    // The national public register is in the header, for anyone.
    await visitor.page.getByRole("navigation").getByRole("link", { name: "公開協定" }).first().click();
    await visitor.page.getByRole("heading", { level: 1, name: "公開されている連携協定" }).waitFor();
    expect(await visitor.page.getByTestId("public-agreements").textContent()).toContain("守口市");
    await expectAccessible(visitor.page);
    await visitor.context.close();
  });

  it("offers spare item rows and removal without JavaScript", async () => {
    const context = await journey.browser.newContext({ baseURL: journey.server.baseUrl, locale: "ja-JP", javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, "desk2@demo.renkei.example");
    await page.goto("/agreements/new");
    expect(await page.getByRole("button", { name: "連携事項を追加" }).count()).toBe(0);
    await page.locator("#field-title").fill("JavaScript なしで登録する協定");
    await page.locator("#field-method").selectOption("project");
    await page.getByRole("checkbox", { name: "株式会社かがやきフードラボ" }).check();
    await page.locator("#field-purpose").fill("予備の行と削除を確かめる。");
    for (const [i, title] of ["削除する事項", "残す事項", "予備の行に書いた事項"].entries()) {
      await page.locator(`#field-items-${i}-title`).fill(title);
      await page.locator(`#field-items-${i}-field`).selectOption("health");
    }
    await page.getByRole("checkbox", { name: "保存するときにこの事項を削除する" }).check();
    await page.getByRole("button", { name: "協定を登録する" }).click();
    await page.getByText("を登録しました。").waitFor();
    await page.getByRole("cell", { name: "残す事項" }).waitFor();
    await page.getByRole("cell", { name: "予備の行に書いた事項" }).waitFor();
    expect(await page.getByRole("cell", { name: "削除する事項" }).count()).toBe(0);
    await context.close();
  });

  // Continues with the agreement signed above.
  it("activates the signed agreement, holds a working meeting with minutes and an action item, and renews it after an evaluation", async () => {
    const { page, context } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "desk2@demo.renkei.example");
    await page.goto("/agreements");
    await page.getByRole("link", { name: TITLE }).click();
    expect(await page.getByTestId("agreement-status").textContent()).toBe("締結済み");
    // The term starts on 1 April 2027: starting before it is asked once more.
    await page.getByText("連携を開始する", { exact: true }).click();
    await page.getByText("協定期間は令和9年4月1日からです。").waitFor();
    await page.getByRole("button", { name: "期間の開始前だが連携を開始する" }).click();
    await page.getByText("協定を「連携中」にしました。").waitFor();
    expect(await page.getByTestId("agreement-status").textContent()).toBe("連携中");
    const agreementUrl = page.url();

    // A working meeting: scheduled with its agenda, then recorded.
    await page.getByRole("link", { name: "会議・議事録・宿題を見る" }).click();
    await page.getByRole("heading", { name: "これからの会議" }).waitFor();
    const schedule = page.getByTestId("meeting-form-create");
    await schedule.getByLabel("会議の種類").selectOption({ label: "実務者会議" });
    await schedule.getByLabel("会議名").fill("令和9年度 第1回実務者会議");
    await schedule.getByLabel("開始日時").fill("2027-05-10T10:00");
    await schedule.getByLabel("終了日時").fill("2027-05-10T11:30");
    await schedule.getByLabel("場所").fill("守口市役所 3階 会議室");
    await schedule.getByLabel("議題").fill("1. 事業所巡回健診の日程\n2. 健康ポイントの付与の方法");
    await schedule.getByLabel("出席者").fill("守口市 企画課 守口 健\n株式会社かがやきフードラボ 健康事業部 加賀 彩");
    await schedule.getByRole("button", { name: "登録する" }).click();
    await page.getByText("会議を登録しました。").waitFor();
    await page.getByRole("heading", { level: 1, name: "令和9年度 第1回実務者会議" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("実務者会議／令和9年5月10日（月）10:00〜11:30");

    await page.getByText("会議の内容・議事録を編集").click();
    const record = page.getByTestId("meeting-form-update");
    await record.getByLabel("議事録").fill("巡回健診は市内10事業所から始めることを確認した。\n健康ポイントは健診の受診時に付与する。");
    await record.getByLabel("決定事項").fill("・初年度の巡回先を10事業所とする。");
    await record.getByRole("button", { name: "保存する" }).click();
    await page.getByText("会議を更新しました。").waitFor();
    expect(await page.locator("main").textContent()).toContain("巡回健診は市内10事業所から始めることを確認した。");
    expect(await page.locator("main").textContent()).toContain("初年度の巡回先を10事業所とする。");

    const actionItem = page.getByTestId("action-item-form");
    await actionItem.getByRole("textbox", { name: /^内容/ }).fill("巡回先の事業所の一覧を作る");
    await actionItem.getByRole("textbox", { name: /^担当/ }).fill("守口市 健康推進課");
    await actionItem.getByRole("textbox", { name: /^期限/ }).fill("2027-05-31");
    await actionItem.getByRole("button", { name: "宿題を追加" }).click();
    await page.getByText("宿題を追加しました。").waitFor();
    const items = page.getByRole("table", { name: "宿題（アクションアイテム）" });
    expect(await items.textContent()).toContain("巡回先の事業所の一覧を作る");
    expect(await items.textContent()).toContain("令和9年5月31日");
    // Accepted, the form is empty again (issue 20): nothing invites posting it twice …
    expect(await actionItem.getByRole("textbox", { name: /^内容/ }).inputValue()).toBe("");
    expect(await actionItem.getByRole("textbox", { name: /^担当/ }).inputValue()).toBe("");
    // … and a double click posts once.
    await actionItem.getByRole("textbox", { name: /^内容/ }).fill("健康ポイントの交換先を決める");
    await actionItem.getByRole("textbox", { name: /^担当/ }).fill("株式会社かがやきフードラボ");
    await actionItem.getByRole("textbox", { name: /^期限/ }).fill("2027-06-30");
    await actionItem.getByRole("button", { name: "宿題を追加" }).dblclick();
    await items.getByText("健康ポイントの交換先を決める").waitFor();
    await page.waitForLoadState("networkidle");
    expect(await items.getByText("健康ポイントの交換先を決める").count()).toBe(1);
    await expectAccessible(page);

    // The calendar file, downloaded as a person would.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("meeting-ics").click()]);
    expect(download.suggestedFilename()).toBe("20270510_令和9年度 第1回実務者会議.ics");
    const [event] = icsEvents(await readFile((await download.path())!, "utf8"));
    expect(event).toMatchObject({
      DTSTART: "20270510T010000Z",
      DTEND: "20270510T023000Z",
      SUMMARY: "【実務者会議】令和9年度 第1回実務者会議",
      LOCATION: "守口市役所 3階 会議室",
    });
    expect(event!.DESCRIPTION).toContain(`協定: ${TITLE}`);
    expect(event!.DESCRIPTION).toContain("事業所巡回健診の日程");
    expect(event!.UID).toMatch(/^meeting-[0-9a-f-]{36}@renkei$/);

    // The renewal review: no renewal without the overall evaluation.
    await page.goto(agreementUrl);
    await page.getByRole("button", { name: "更新の検討を始める" }).click();
    await page.getByText("協定を「更新の検討中」にしました。").waitFor();
    expect(await page.getByTestId("agreement-status").textContent()).toBe("更新の検討中");
    // The renewed term follows the current one (2027-04-01 to 2030-03-31): three more years by default.
    expect(await page.getByLabel("更新後の終了日").inputValue()).toBe("2033-03-31");
    await page.getByRole("button", { name: "更新する" }).click();
    await page.locator("#field-evaluation-error").waitFor();
    expect(await page.locator("#field-evaluation-error").textContent()).toContain("入力してください。");
    expect(await page.locator("#field-evaluation").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#error-summary").textContent()).toContain("総合評価: 入力してください。");
    expect(await page.getByTestId("agreement-status").textContent()).toBe("更新の検討中");
    await expectAccessible(page);

    const evaluation = [
      "続ける: 事業所巡回健診（受診率が上がった）",
      "改める: 健康ポイントの付与を受診時から結果の確認時に改める",
      "加える: 健診後の保健指導",
      "やめる: 紙の受診券の郵送",
    ].join("\n");
    await page.locator("#field-evaluation").fill(evaluation);
    await page.getByRole("button", { name: "更新する" }).click();
    await page.getByText("協定を「更新済み」にしました。").waitFor();
    expect(await page.getByTestId("agreement-status").textContent()).toBe("更新済み");
    expect(await page.locator("main").textContent()).toContain("令和9年4月1日（2027-04-01） 〜 令和15年3月31日（2033-03-31）");
    const timeline = await page.getByTestId("agreement-timeline").textContent();
    for (const step of ["起案中", "決裁中", "締結済み", "連携中", "更新の検討中", "更新済み"]) expect(timeline).toContain(step);
    expect(timeline).toContain("加える: 健診後の保健指導");
    // The verdict stays on the agreement, not only in its history.
    expect(await page.getByTestId("agreement-evaluation").textContent()).toBe(evaluation);
    await context.close();
  });
});
