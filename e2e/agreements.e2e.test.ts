import { describe, expect, it } from "vitest";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

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

    await desk.page.getByRole("button", { name: "決裁に回す" }).click();
    await desk.page.getByText("協定を「決裁中」にしました。").waitFor();
    await expectAccessible(desk.page);
    const steps = ["担当課長", "担当部長", "副市長", "市長", "社内決裁（法務確認・取締役会等）"];
    for (const [i, step] of steps.entries()) {
      await desk.page.locator("#field-stepId").selectOption({ label: `${step}（${i < 4 ? "守口市" : "株式会社かがやきフードラボ"}）` });
      await desk.page.locator("#field-approverName").fill(`${step} 決裁者`);
      await desk.page.getByRole("button", { name: "決裁を記録する" }).click();
      await desk.page.getByText("決裁を記録しました。").waitFor();
    }
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
    expect(await visitor.page.getByTestId("public-agreements").textContent()).toContain("職場で受けられる健診と健康ポイントに関する連携協定");
    await visitor.context.close();
  });
});
