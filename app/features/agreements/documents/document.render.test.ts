// The Word file as a person sees it: converted to PDF by LibreOffice and read
// back with poppler (pdffonts, pdfinfo, pdftotext). Runs where both are
// installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk
// poppler-utils); skipped elsewhere.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderAgreementDocx } from "./document.server";
import { defaultAgreementTemplate, type AgreementDocumentData } from "./document";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const available = has("soffice") && has("pdftotext") && has("pdffonts");

const ITEMS: [string, string, string, string | null, string][] = [
  ["オンデマンド交通の実証と本格運行", "mobility", "交通・移動", "交通政策課", "北陸みらいモビリティ 事業開発部"],
  ["高齢者の外出支援と見守り", "elderly", "高齢者・障がい者支援・福祉", "交通政策課", "北陸みらいモビリティ 運行管理課"],
  ["子育て世帯の移動支援", "childcare", "子ども・子育て支援", "こども家庭センター", "北陸みらいモビリティ 事業開発部"],
  ["ごみ収集ルートの最適化", "environment", "環境・脱炭素・ごみ・フードロス", "環境対策課", "加賀テクノ大学 情報工学科"],
  ["災害時の移動手段の確保", "disaster", "防災・減災・災害対応", "防災安全課", "北陸みらいモビリティ 総務部"],
  ["学生による地域課題の調査", "education", "教育・人材育成・青少年", null, "加賀テクノ大学 地域連携センター"],
  ["行政手続のデジタル化の助言", "digital", "DX・デジタル化・行政サービス", null, "加賀テクノ大学 情報工学科"],
  ["移住者向けの地域交通案内", "community", "まちづくり・地域活性化・移住定住・関係人口", "交通政策課", "北陸みらいモビリティ 広報室"],
];

/** A comprehensive agreement of three parties and eight items, signed. */
const comprehensive: AgreementDocumentData = {
  format: 1,
  title: "小松市と北陸みらいモビリティ株式会社・加賀テクノ大学との包括連携協定",
  purpose: "三者が持つ資源とノウハウを生かし、移動・子育て・環境・防災など幅広い分野で地域課題の解決と市民サービスの向上を図る。",
  roles: "市は場所・データ・広報を提供し、相手方は人材・技術・ノウハウを提供する。",
  consultationBody: "推進会議（年2回）と実務者会議（四半期ごと）を置く。",
  costSharing: "",
  confidentiality: "",
  startsOn: "2024-12-01",
  endsOn: "2027-11-30",
  renewalRule: "automatic",
  renewalYears: 1,
  objectionDeadline: "2027-09-01",
  signedOn: "2024-11-26",
  parties: [
    { name: "小松市", kind: "municipality", signatoryTitle: "", signatoryName: "" },
    { name: "北陸みらいモビリティ株式会社", kind: "company", signatoryTitle: "代表取締役", signatoryName: "北陸 進" },
    { name: "加賀テクノ大学", kind: "university", signatoryTitle: "", signatoryName: "" },
  ],
  items: ITEMS.map(([title, field, fieldLabel, departmentName, partnerOwner]) => ({
    title,
    description: "",
    field,
    fieldLabel,
    departmentName,
    partnerOwner,
  })),
  template: defaultAgreementTemplate,
};

describe.skipIf(!available)("the Word file opened in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "renkei-docx-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is an A4 document in a Mincho face with every article, party and seal", async () => {
    const docx = path.join(dir, "agreement.docx");
    writeFileSync(docx, await renderAgreementDocx(comprehensive));
    // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        docx,
      ],
      { stdio: "ignore", timeout: 60_000 },
    );
    const pdf = path.join(dir, "agreement.pdf");

    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/Serif|Mincho|明朝/);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(3);

    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const text = pages.join("\n").replace(/[ \t]+/g, " ");
    const squeezed = text.replace(/\s+/g, "");
    expect(squeezed).toContain("包括連携協定書");
    for (let n = 1; n <= 9; n++) expect(squeezed).toContain(`第${n}条（`);
    ITEMS.forEach(([title], i) => expect(squeezed).toContain(`(${i + 1})${title}`));
    expect(squeezed).toContain("本書3通を作成し");
    expect(squeezed).toContain("令和6年11月26日");
    expect(squeezed).toContain("代表取締役北陸進");
    // The closing, the date and all three signature blocks on one page; the annex on the last.
    const signing = pages.find((p) => p.includes("本書"))!;
    expect(signing.match(/所在地/g)).toHaveLength(3);
    expect(signing.match(/印\s*$/gm)).toHaveLength(3);
    expect(pages.findIndex((p) => p.includes("連携事項ごとの担当"))).toBe(2);
  });
});
