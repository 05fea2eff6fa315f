import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();
const pdf = fileURLToPath(new URL("../app/test/fixtures/sample.pdf", import.meta.url));

describe("theme call journeys", () => {
  it("drafts a call with a document, publishes it, and followers and the public see it", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/desk/themes/new");
    await desk.page.locator("#field-title").fill("高齢者の健康づくりを企業と進めたい");
    await desk.page.getByRole("button", { name: "下書きを作成する" }).click();
    await desk.page.getByRole("alert").first().waitFor();
    expect(await desk.page.locator("#field-background-error").textContent()).toContain("入力してください");
    expect(await desk.page.locator("#field-title").inputValue()).toBe("高齢者の健康づくりを企業と進めたい");
    await expectAccessible(desk.page);
    await desk.page.locator("#field-background").fill("運動習慣のある高齢者の割合が下がっています。");
    await desk.page.locator("#field-goal").fill("身近な場所で続けられる運動の機会を増やしたい。");
    await desk.page.getByRole("checkbox", { name: "健康づくり・医療・スポーツによる健康" }).check();
    await desk.page.getByLabel("担当部署").selectOption({ label: "こども家庭センター" });
    await desk.page.locator("#field-deadline").fill("2099-03-31");
    await desk.page.locator("#field-attachments").setInputFiles(pdf);
    await desk.page.getByRole("button", { name: "下書きを作成する" }).click();
    await desk.page.getByText("の下書きを作成しました。").waitFor();
    const themeUrl = new URL(desk.page.url()).pathname;
    expect(await desk.page.getByTestId("theme-status").textContent()).toBe("下書き");
    expect(await desk.page.getByRole("link", { name: "sample.pdf" }).count()).toBe(1);

    // Before publishing, a company cannot see the draft.
    const company = await newPage(journey.browser, journey.server.baseUrl);
    await login(company.page, "company2@demo.renkei.example");
    const hidden = await company.page.goto(themeUrl);
    expect(hidden?.status()).toBe(404);

    await desk.page.getByRole("button", { name: "公開する" }).click();
    await desk.page.getByText("を公開しました。").waitFor();
    expect(await desk.page.getByTestId("theme-status").textContent()).toBe("募集中");
    await expectAccessible(desk.page);
    await desk.context.close();

    // company2 follows the health field (demo data): it was notified.
    await company.page.goto("/notifications");
    await company.page.getByText("新しい募集テーマ: 高齢者の健康づくりを企業と進めたい").waitFor();
    await company.context.close();

    const visitor = await newPage(journey.browser, journey.server.baseUrl);
    await visitor.page.goto("/themes?field=health");
    await visitor.page.getByRole("link", { name: "高齢者の健康づくりを企業と進めたい" }).waitFor();
    await expectAccessible(visitor.page);
    await visitor.page.goto("/municipalities/172031/themes");
    expect(await visitor.page.locator("h1").textContent()).toContain("石川県小松市");
    await visitor.page.getByRole("link", { name: "高齢者の健康づくりを企業と進めたい" }).click();
    await visitor.page.getByRole("link", { name: "sample.pdf" }).waitFor();
    const file = await fetch(
      `${journey.server.baseUrl}${await visitor.page.getByRole("link", { name: "sample.pdf" }).getAttribute("href")}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    await visitor.context.close();
  });

  it("lets a company follow a municipality and unfollow it", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    await login(page, "company@demo.renkei.example");
    await page.goto("/follows");
    await page.locator("#follow-municipality").fill("27209");
    await page.getByRole("button", { name: "フォローする" }).last().click();
    await page.getByText("団体コードは6桁の数字で入力してください。").first().waitFor();
    await page.locator("#follow-municipality").fill("272094");
    await page.getByRole("button", { name: "フォローする" }).last().click();
    await page.getByText("大阪府守口市（272094）").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "フォローをやめる: 大阪府守口市（272094）" }).click();
    await page.getByText("フォローをやめました。").waitFor();
    await context.close();
  });
});
