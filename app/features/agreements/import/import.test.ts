import { describe, expect, it } from "vitest";
import {
  agreementInputOf,
  guessMapping,
  guessOrganizationKind,
  interpretRow,
  mappingFromNames,
  organizationNameKey,
  splitList,
} from "./import";

const headers = ["協定名", "締結先", "分野", "概要", "締結日", "協定期間（開始）", "有効期限", "種別", "更新"];

describe("guessMapping", () => {
  it("finds common register headings and our own export's", () => {
    const m = guessMapping(headers);
    expect(m).toMatchObject({ title: 0, partners: 1, fields: 2, purpose: 3, signedOn: 4, endsOn: 6, method: 7, renewalRule: 8 });
    expect(m.startsOn).toBeUndefined(); // 「協定期間（開始）」 is not a heading we know: the desk picks it
    expect(guessMapping(["ID", "協定の名称", "連携の相手", "相手方の法人番号", "連携事項の数", "連携事項", "目的"])).toMatchObject({
      title: 1,
      partners: 2,
      partnerCorporateNumbers: 3,
      items: 5,
      purpose: 6,
    });
  });

  it("uses each column once and ignores width and spaces", () => {
    const m = guessMapping(["　協定名 ", "ｽﾃｰﾀｽ", "協定名"]);
    expect(m.title).toBe(0);
    expect(m.status).toBe(1);
  });
});

describe("mappingFromNames", () => {
  it("accepts header names or column numbers and refuses unknown headers", () => {
    expect(mappingFromNames(headers, { title: "協定名", partners: 1, fields: "2", purpose: "" })).toEqual({
      mapping: { title: 0, partners: 1, fields: 2 },
      errors: [],
    });
    expect(mappingFromNames(headers, { title: "名前" }).errors).toEqual([{ path: "mapping.title", message: "validation.invalidChoice" }]);
    expect(mappingFromNames(headers, { title: 99 }).errors).toHaveLength(1);
  });
});

describe("interpretRow", () => {
  const mapping = { ...guessMapping(headers), startsOn: 5 };
  const row = (over: Partial<Record<number, string>> = {}) => {
    const cells = [
      "防災に関する包括連携協定",
      "株式会社北陸テスト、金沢テスト大学",
      "防災／子育て支援",
      "災害に強いまちをつくる",
      "令和5年4月1日",
      "2023/4/1",
      "R10.3.31",
      "",
      "自動更新（1年）",
    ];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v!;
    return interpretRow(cells, mapping);
  };

  it("reads a full row: 和暦 dates, method from the title, fields by part of their label", () => {
    const { candidate, errors } = row({ 8: "協議のうえ更新" });
    expect(errors).toEqual([]);
    expect(candidate).toMatchObject({
      title: "防災に関する包括連携協定",
      method: "comprehensive",
      status: "active",
      partnerNames: ["株式会社北陸テスト", "金沢テスト大学"],
      fields: ["disaster", "childcare"],
      signedOn: "2023-04-01",
      startsOn: "2023-04-01",
      endsOn: "2028-03-31",
      renewalRule: "explicit",
    });
    // No items column: one item per field, named after it.
    expect(agreementInputOf(candidate, ["x"]).items).toEqual([
      { title: "防災・減災・災害対応", field: "disaster" },
      { title: "子ども・子育て支援", field: "childcare" },
    ]);
  });

  it("says what is wrong with each cell, in catalog keys", () => {
    const { errors } = row({ 0: "", 2: "防災、宇宙開発", 3: "", 4: "令和5年13月1日", 7: "覚書" });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: "title", message: "validation.required" }),
        { column: "fields", message: "validation.import.unknownField", params: { value: "宇宙開発" } },
        expect.objectContaining({ column: "purpose", message: "validation.required" }),
        { column: "signedOn", message: "validation.import.date", params: { value: "令和5年13月1日" } },
        { column: "method", message: "validation.import.unknownValue", params: { value: "覚書" } },
      ]),
    );
  });

  it("wants the years and the objection deadline of an automatic renewal, and a term in order", () => {
    expect(row().errors).toEqual([expect.objectContaining({ column: "renewalYears", message: "validation.automaticRenewal" })]);
    expect(row({ 5: "2028/4/1" }).errors).toContainEqual(expect.objectContaining({ column: "endsOn", message: "validation.periodOrder" }));
  });

  it("refuses agreements in approval and signed ones without a signing date", () => {
    expect(row({ 8: "", 4: "", 7: "" }).candidate.status).toBe("draft");
    const withStatus = interpretRow(["協定", "相手", "防災", "目的", "", "", "", "", "", "決裁中"], { ...mapping, status: 9 });
    expect(withStatus.errors).toContainEqual({ column: "status", message: "validation.import.inApproval" });
    const ended = interpretRow(["協定", "相手", "防災", "目的", "", "", "", "", "", "終了"], { ...mapping, status: 9 });
    expect(ended.errors).toContainEqual({ column: "signedOn", message: "validation.import.signedOnRequired" });
  });

  it("checks 法人番号 and 団体コード check digits", () => {
    const r = interpretRow(["協定", "相手", "防災", "目的", "1234567890123", "272094", "272095"], {
      title: 0,
      partners: 1,
      fields: 2,
      purpose: 3,
      partnerCorporateNumbers: 4,
      partnerLocalGovCodes: 5,
    });
    expect(r.errors).toContainEqual({
      column: "partnerCorporateNumbers",
      message: "validation.corporateNumber.checkDigit",
      params: { value: "1234567890123" },
    });
    const codes = interpretRow(["協定", "相手", "防災", "目的", "", "272094、272095"], {
      title: 0,
      partners: 1,
      fields: 2,
      purpose: 3,
      partnerLocalGovCodes: 5,
    });
    expect(codes.errors).toEqual([
      { column: "partnerLocalGovCodes", message: "validation.import.localGovCode", params: { value: "272095" } },
    ]);
  });

  it("pairs item lines with fields in the same position, stripping list markers", () => {
    const r = interpretRow(["協定", "相手", "防災／観光", "目的", "1. 防災訓練の共催\n2. 観光情報の発信"], {
      title: 0,
      partners: 1,
      fields: 2,
      purpose: 3,
      items: 4,
    });
    expect(agreementInputOf(r.candidate, ["x"]).items).toEqual([
      { title: "防災訓練の共催", field: "disaster" },
      { title: "観光情報の発信", field: "tourism" },
    ]);
  });
});

describe("partners", () => {
  it("splits lists and compares names as people mean them", () => {
    expect(splitList("A社、B大学／C銀行\nD")).toEqual(["A社", "B大学", "C銀行", "D"]);
    expect(organizationNameKey("㈱北陸 テスト")).toBe(organizationNameKey("株式会社北陸テスト"));
  });

  it("guesses the kind of a new partner from its legal name", () => {
    expect(guessOrganizationKind("国立大学法人金沢テスト大学")).toBe("university");
    expect(guessOrganizationKind("株式会社北國テスト銀行")).toBe("financial_institution");
    expect(guessOrganizationKind("小松商工会議所")).toBe("chamber_of_commerce");
    expect(guessOrganizationKind("特定非営利活動法人まちテスト")).toBe("npo");
    expect(guessOrganizationKind("一般社団法人テスト協会")).toBe("other");
    expect(guessOrganizationKind("北陸テスト株式会社")).toBe("company");
  });
});
