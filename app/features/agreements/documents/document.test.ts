import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderAgreementDocx } from "./document.server";
import {
  agreementDocumentText,
  BLANK_DATE,
  defaultAgreementTemplate,
  defaultSignatoryTitle,
  documentFilename,
  documentTitle,
  joinJapanese,
  partyLabel,
  unknownPlaceholders,
  type AgreementDocumentData,
} from "./document";

const data = (over: Partial<AgreementDocumentData> = {}): AgreementDocumentData => ({
  format: 1,
  title: "守口市と株式会社みどり交通との地域交通に関する連携協定",
  purpose: "郊外に住む人の買い物と通院の足を確保する。",
  roles: "",
  consultationBody: "",
  costSharing: "",
  confidentiality: "",
  startsOn: "2027-04-01",
  endsOn: "2030-03-31",
  renewalRule: "explicit",
  renewalYears: null,
  objectionDeadline: null,
  signedOn: null,
  parties: [
    { name: "守口市", kind: "municipality", signatoryTitle: "", signatoryName: "" },
    { name: "株式会社みどり交通", kind: "company", signatoryTitle: "代表取締役", signatoryName: "緑川 一郎" },
  ],
  items: [
    {
      title: "予約制乗合タクシーの実証運行",
      description: "郊外3地区で1年間運行する。",
      field: "mobility",
      fieldLabel: "交通・移動",
      departmentName: null,
      partnerOwner: "",
    },
    {
      title: "高齢者の見守り",
      description: "",
      field: "safety",
      fieldLabel: "防犯・交通安全・見守り",
      departmentName: null,
      partnerOwner: "",
    },
  ],
  template: defaultAgreementTemplate,
  ...over,
});

/** Paragraph texts of word/document.xml (runs joined, entities decoded). */
async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""),
  );
}

describe("the agreement document's wording", () => {
  it("names the parties 甲, 乙, 丙 … in party order and fills the template's placeholders", () => {
    expect([0, 1, 2, 9, 10].map(partyLabel)).toEqual(["甲", "乙", "丙", "癸", "当事者11"]);
    expect(joinJapanese(["甲", "乙"])).toBe("甲及び乙");
    expect(joinJapanese(["甲", "乙", "丙"])).toBe("甲、乙及び丙");
    const text = agreementDocumentText(
      data({
        template: {
          preamble: "{当事者}は、｛協定名｝を結ぶ。{不明}",
          amendmentClause: "{甲乙}が協議して改める。\n2行目の段落",
          disputeClause: "{甲乙}が話し合う。",
        },
      }),
    );
    expect(text.title).toBe("守口市と株式会社みどり交通との地域交通に関する連携協定書");
    expect(text.preamble).toBe(
      "守口市（以下「甲」という。）及び株式会社みどり交通（以下「乙」という。）は、守口市と株式会社みどり交通との地域交通に関する連携協定を結ぶ。{不明}",
    );
    const amendment = text.articles.find((a) => a.heading.endsWith("（協定の変更）"))!;
    expect(amendment.paragraphs).toEqual(["甲及び乙が協議して改める。", "2行目の段落"]);
    expect(text.articles.at(-1)!.heading).toBe(`第${text.articles.length}条（協議）`);
    expect(text.articles.at(-1)!.paragraphs).toEqual(["甲及び乙が話し合う。"]);
  });

  it("has every clause in order, items numbered, the term in 和暦 and the renewal rule", () => {
    const explicit = agreementDocumentText(data());
    expect(explicit.articles.map((a) => a.heading)).toEqual([
      "第1条（目的）",
      "第2条（連携事項）",
      "第3条（役割分担）",
      "第4条（協議の場）",
      "第5条（有効期間及び更新）",
      "第6条（費用負担）",
      "第7条（秘密の保持）",
      "第8条（協定の変更）",
      "第9条（協議）",
    ]);
    expect(explicit.articles[1]!.items!.map((i) => i.title)).toEqual(["予約制乗合タクシーの実証運行", "高齢者の見守り"]);
    const term = explicit.articles[4]!.paragraphs;
    expect(term[0]).toBe("本協定の有効期間は、令和9年4月1日から令和12年3月31日までとする。");
    expect(term[1]).toContain("協議し、更新するかどうか");

    const automatic = agreementDocumentText(data({ renewalRule: "automatic", renewalYears: 2, objectionDeadline: "2029-12-28" }))
      .articles[4]!.paragraphs;
    expect(automatic[1]).toContain("令和11年12月28日までに");
    expect(automatic[1]).toContain("2年間、同じ内容で更新されたものとみなす");

    const open = agreementDocumentText(data({ startsOn: null, endsOn: null })).articles[4]!.paragraphs;
    expect(open[0]).toBe("本協定は、締結した日から効力を生ずる。");
  });

  it("quotes what the parties wrote and falls back to standard wording where they wrote nothing", () => {
    const withText = agreementDocumentText(data({ roles: "市は場所を、会社は車両を出す。", costSharing: "燃料費は会社が負担する。" }));
    expect(withText.articles[2]!.quote).toBe("市は場所を、会社は車両を出す。");
    expect(withText.articles[5]!.quote).toBe("燃料費は会社が負担する。");
    const without = agreementDocumentText(data());
    expect(without.articles[5]!.paragraphs[0]).toContain("それぞれの当事者が自ら負担する");
    expect(without.articles[6]!.paragraphs).toHaveLength(2);
  });

  it("leaves the date blank before signing and names a signatory for each party", () => {
    const unsigned = agreementDocumentText(data());
    expect(unsigned.date).toBe(BLANK_DATE);
    expect(unsigned.closing).toContain("本書2通");
    expect(unsigned.signatures.map((s) => [s.label, s.name])).toEqual([
      ["甲", "守口市"],
      ["乙", "株式会社みどり交通"],
    ]);
    expect(unsigned.signatures[0]!.signatory).toBe("守口市長");
    expect(unsigned.signatures[1]!.signatory).toBe("代表取締役　緑川 一郎");
    // A company's representative is not guessed: the line is left to be written in.
    const noSignatory = agreementDocumentText(
      data({ parties: [data().parties[0]!, { name: "加賀テクノ大学", kind: "university", signatoryTitle: "", signatoryName: "" }] }),
    );
    expect(noSignatory.signatures[1]!.signatory).toBe("");
    expect(defaultSignatoryTitle({ name: "石川県", kind: "prefecture" })).toBe("石川県知事");
    expect(defaultSignatoryTitle({ name: "株式会社みどり交通", kind: "company" })).toBe("");
    expect(agreementDocumentText(data({ signedOn: "2027-03-25" })).date).toBe("令和9年3月25日");
  });

  it("lists the owners of the items in an annex only when some are named", () => {
    expect(agreementDocumentText(data()).annexes).toEqual([]);
    const items = data().items.map((i, n) => (n === 0 ? { ...i, departmentName: "交通政策課", partnerOwner: "運行管理部" } : i));
    const [annex] = agreementDocumentText(data({ items })).annexes;
    expect(annex!.caption).toBe("別表（第3条関係）");
    expect(annex!.rows[0]).toEqual(["(1)", "予約制乗合タクシーの実証運行", "交通・移動", "交通政策課", "運行管理部"]);
  });

  it("knows its placeholders, titles and file names", () => {
    expect(unknownPlaceholders("{当事者}｛甲乙｝{協定名}")).toEqual([]);
    expect(unknownPlaceholders("{当事者}{市長名}｛x｝")).toEqual(["市長名", "x"]);
    expect(documentTitle("協働事業に関する覚書")).toBe("協働事業に関する覚書");
    expect(documentFilename('A/B:C*"連携"協定')).toBe("協定書_A_B_C__連携_協定.docx");
    expect(documentFilename("連携協定", 3)).toBe("協定書_連携協定_第3版.docx");
  });
});

describe("the Word file", () => {
  it("is an A4 document in 明朝 with every clause, item, party and the 和暦 signing date", async () => {
    const buffer = await renderAgreementDocx(
      data({
        signedOn: "2027-03-25",
        items: [
          ...data().items,
          {
            title: "R&D <実証> データの共有",
            description: "",
            field: "digital",
            fieldLabel: "DX",
            departmentName: "デジタル推進課",
            partnerOwner: "",
          },
        ],
      }),
      { version: 2 },
    );
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain('w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1701" w:right="1418" w:bottom="1418" w:left="1418"/);
    // ＭＳ 明朝 for every script, so Word and LibreOffice both pick a Mincho face.
    const styles = await zip.file("word/styles.xml")!.async("string");
    for (const script of ["ascii", "hAnsi", "eastAsia", "cs"]) expect(styles).toContain(`w:${script}="ＭＳ 明朝"`);
    expect(styles).toContain('w:hint="eastAsia"');
    expect(await zip.file("word/fontTable.xml")!.async("string")).toContain('<w:font w:name="ＭＳ 明朝"><w:altName w:val="MS Mincho"/>');
    const paragraphs = await docxParagraphs(buffer);
    const all = paragraphs.join("\n");
    expect(paragraphs[0]).toBe("守口市と株式会社みどり交通との地域交通に関する連携協定書");
    for (const heading of ["第1条（目的）", "第2条（連携事項）", "第9条（協議）"]) expect(paragraphs).toContain(heading);
    expect(paragraphs).toContain("(1)　予約制乗合タクシーの実証運行");
    expect(paragraphs).toContain("(3)　R&D <実証> データの共有");
    expect(paragraphs).toContain("郊外3地区で1年間運行する。");
    expect(paragraphs).toContain("令和9年3月25日");
    expect(paragraphs).toContain("守口市");
    expect(paragraphs).toContain("株式会社みどり交通");
    expect(all).toContain("別表（第3条関係）");
    expect(all).not.toContain(BLANK_DATE);
    // A signature block per party: 所在地, 名称, 代表者 and the place for the seal.
    expect(paragraphs.filter((p) => p === "所在地")).toHaveLength(2);
    expect(paragraphs.filter((p) => p === "名　称")).toHaveLength(2);
    expect(paragraphs.filter((p) => p === "代表者")).toHaveLength(2);
    expect(paragraphs.filter((p) => p === "印")).toHaveLength(2);
    expect(paragraphs).toContain("守口市長");
    expect(paragraphs).toContain("代表取締役　緑川 一郎");
    // The closing sentence, the date and the signatures are kept on one page, in that order.
    const closing = paragraphs.findIndex((p) => p.startsWith("本協定の締結を証するため、本書2通を作成し"));
    expect(paragraphs.slice(closing, closing + 3)).toEqual([expect.any(String), "令和9年3月25日", "甲"]);
    const closingXml = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes("本協定の締結を証するため"))!;
    expect(closingXml).toContain("<w:keepNext/>");
  });
});
