import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

const register = (withBadRow: boolean) =>
  iconv.encode(
    [
      "協定名,締結先,分野,概要,連携事項,締結日,有効期限,状態",
      "地域の見守りに関する連携協定,北陸みらいモビリティ株式会社,見守り,高齢者の見守りを配送の合間に行う,,令和4年7月1日,令和7年6月30日,終了",
      '食育の推進に関する包括連携協定,"株式会社こまつ食品テスト、小松テスト信用金庫",食／子育て支援,地元食材で子どもの食育を進める,"1. 食育教室の開催\n2. 子育て家庭への情報発信",2024/10/11,2029/3/31,連携中',
      ...(withBadRow ? ["観光の協定,北陸みらいモビリティ株式会社,観光,観光客を増やす,,令和6年2月30日,,"] : []),
    ].join("\r\n"),
    "cp932",
  );

describe("agreement register import", () => {
  it("reads a Shift_JIS register, shows the problem of each row, and imports the corrected file in one go", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/agreements");
    await desk.page.getByRole("link", { name: "台帳ファイルから取り込む" }).click();
    await desk.page.getByRole("heading", { name: "協定台帳の取り込み", level: 1 }).waitFor();

    // No file chosen: the field says so.
    await desk.page.getByRole("button", { name: "読み込んで確認する" }).click();
    await desk.page.locator("#field-file-error").waitFor();
    await expectAccessible(desk.page);

    await desk.page.locator("#field-file").setInputFiles({ name: "協定台帳.csv", mimeType: "text/csv", buffer: register(true) });
    await desk.page.getByRole("button", { name: "読み込んで確認する" }).click();
    await desk.page.getByRole("heading", { name: "取り込みの確認", level: 1 }).waitFor();
    expect(await desk.page.getByTestId("import-summary").textContent()).toBe("3行のうち、2行は取り込めます。問題のある行は1行です。");
    expect(await desk.page.getByTestId("import-row-4-errors").textContent()).toContain("「令和6年2月30日」を日付として読めません");
    // Partners not on Renkei yet are listed before anything is written.
    await desk.page.getByRole("cell", { name: "小松テスト信用金庫", exact: true }).waitFor();
    expect(await desk.page.getByRole("button", { name: "3件の協定を取り込む" }).isDisabled()).toBe(true);
    await expectAccessible(desk.page);

    await desk.page.getByRole("link", { name: "別のファイルを読み込む" }).click();
    await desk.page.locator("#field-file").setInputFiles({ name: "協定台帳.csv", mimeType: "text/csv", buffer: register(false) });
    await desk.page.getByRole("button", { name: "読み込んで確認する" }).click();
    expect(await desk.page.getByTestId("import-summary").textContent()).toBe("2行のうち、2行は取り込めます。問題のある行は0行です。");
    await desk.page.getByRole("button", { name: "2件の協定を取り込む" }).click();
    await desk.page.getByText("この取り込みは完了しました。2件の協定を台帳に登録しています。").waitFor();
    await expectAccessible(desk.page);

    await desk.page.goto("/agreements?q=食育");
    await desk.page.getByRole("link", { name: "食育の推進に関する包括連携協定" }).click();
    expect(await desk.page.getByTestId("agreement-status").textContent()).toBe("連携中");
    await desk.page.getByRole("cell", { name: "食育教室の開催" }).waitFor();
    await desk.page.getByText("小松テスト信用金庫").first().waitFor();
    await desk.context.close();
  });

  it("lets the desk admin set the approval chain, with a step only some agreements need", async () => {
    const desk = await newPage(journey.browser, journey.server.baseUrl);
    await login(desk.page, "desk@demo.renkei.example");
    await desk.page.goto("/agreements");
    await desk.page.getByRole("link", { name: "決裁の流れを設定する" }).click();
    expect(await desk.page.getByTestId("approval-chain-state").textContent()).toBe("標準の流れを使っています。");
    // Two steps with the same name: refused, with the form kept.
    await desk.page.locator("#field-steps-1-label").fill("担当課長");
    await desk.page.getByRole("button", { name: "決裁の流れを保存する" }).click();
    await desk.page.getByText("同じ名前の手続きが2つあります。").first().waitFor();
    expect(await desk.page.locator("#field-steps-1-label").inputValue()).toBe("担当課長");
    await expectAccessible(desk.page);
    await desk.page.locator("#field-steps-1-label").fill("企画部長");
    await desk.page.getByRole("button", { name: "決裁の流れを保存する" }).click();
    await desk.page.getByText("決裁の流れを保存しました。").waitFor();
    expect(await desk.page.getByTestId("approval-chain-state").textContent()).toBe("この自治体の流れを使っています。");
    expect(await desk.page.locator("#field-steps-1-label").inputValue()).toBe("企画部長");
    expect(await desk.page.getByRole("checkbox", { name: /^必要なときだけ\s*（5番目の手続き）$/ }).isChecked()).toBe(true);
    await desk.context.close();
  });
});
