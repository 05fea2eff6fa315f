// The agreement document as a Word file (A4, 明朝, 10.5 pt), laid out from
// the text of document.ts with the `docx` package.
import { createHash } from "node:crypto";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { z } from "zod";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { agreementDocumentSource } from "./data.server";
import { agreementDocumentText, documentFilename, type AgreementDocumentData, type DocumentArticle, type DocumentText } from "./document";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * ＭＳ 明朝: on every Windows and in Office for Mac, the face municipal
 * documents are usually set in, and a name LibreOffice maps to its own Mincho
 * (Noto Serif CJK JP, IPA明朝); given 游明朝 instead, LibreOffice falls back
 * to a Gothic face.
 */
export const DOCUMENT_FONT = "ＭＳ 明朝";
/**
 * docx writes an empty font table unless fonts are embedded; ours describes
 * the font (Japanese character set, roman family) and names its Latin alias
 * (w:altName), which Word and LibreOffice use to substitute a missing font.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="${DOCUMENT_FONT}"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font></w:fonts>`;

// Twips (1/20 pt): one character of 10.5 pt is 210.
const CHAR = 210;
const A4 = { width: 11906, height: 16838 };
/** 30 mm at the top (room for the binding stamp and the receipt stamp), 25 mm elsewhere. */
const MARGIN = { top: 1701, bottom: 1418, left: 1418, right: 1418 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

type ParaOptions = Omit<IParagraphOptions, "children" | "text">;

const para = (text: string, options: ParaOptions = {}, run: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ ...options, children: [new TextRun({ text, ...run })] });

/** Free text as the parties wrote it: one paragraph per non-empty line. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** An article of up to this many paragraphs (its heading included) is kept on one page. */
const SHORT_ARTICLE = 6;

function article(a: DocumentArticle): Paragraph[] {
  const [first, ...rest] = a.paragraphs;
  const parts: [string, ParaOptions][] = [
    ...(first ? [[first, { indent: { firstLine: CHAR } }] as [string, ParaOptions]] : []),
    ...(a.items ?? []).flatMap((item, i): [string, ParaOptions][] => [
      [`(${i + 1})　${item.title}`, { indent: { left: CHAR * 3, hanging: CHAR * 2 } }],
      ...lines(item.description).map((line): [string, ParaOptions] => [line, { indent: { left: CHAR * 3 } }]),
    ]),
    ...lines(a.quote ?? "").map((line): [string, ParaOptions] => [line, { indent: { left: CHAR * 2 } }]),
    ...rest.map((text, i): [string, ParaOptions] => [`${i + 2}　${text}`, { indent: { left: CHAR, hanging: CHAR } }]),
  ];
  const together = parts.length + 1 <= SHORT_ARTICLE;
  return [
    para(a.heading, { spacing: { before: 240 }, keepNext: true }, { bold: true }),
    ...parts.map(([text, options], i) => para(text, { ...options, keepNext: together && i < parts.length - 1 })),
  ];
}

const noBorders = TableBorders.NONE;
const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const grid = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

/**
 * 記名押印欄, in the right half of the page, one block per party kept on one
 * page: the party's label (甲, 乙 …), then 所在地 (left blank to be written or
 * stamped: the document does not know addresses), 名称 and 代表者 with the
 * place for the seal (印) at the right edge, the same for every party.
 */
function signatureTable(signatures: DocumentText["signatures"]): Table {
  const widths = [CHAR * 2, CHAR * 4, CHAR * 20, CHAR * 2];
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (i: number, text: string, options: ParaOptions = {}) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: noBorders,
      verticalAlign: VerticalAlign.BOTTOM,
      children: [para(text, { alignment: i === 3 ? AlignmentType.RIGHT : AlignmentType.LEFT, ...options })],
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: CONTENT_WIDTH - total, type: WidthType.DXA },
    borders: noBorders,
    rows: signatures.flatMap((s) => {
      const first = { spacing: { before: 440 }, keepNext: true };
      const next = { spacing: { before: 160 }, keepNext: true };
      const last = { spacing: { before: 160 } };
      return [
        new TableRow({
          cantSplit: true,
          children: [cell(0, s.label, first), cell(1, "所在地", first), cell(2, "", first), cell(3, "", first)],
        }),
        new TableRow({ cantSplit: true, children: [cell(0, "", next), cell(1, "名　称", next), cell(2, s.name, next), cell(3, "", next)] }),
        new TableRow({
          cantSplit: true,
          children: [cell(0, "", last), cell(1, "代表者", last), cell(2, s.signatory, last), cell(3, "印", last)],
        }),
      ];
    }),
  });
}

/** 別表: the item number narrow, the item's title a little wider than the other columns. */
function annexTable(head: string[], rows: string[][]): Table {
  const numberWidth = CHAR * 3;
  const weights = head.slice(1).map((_, i) => (i === 0 ? 1.4 : 1));
  const unit = (CONTENT_WIDTH - numberWidth) / weights.reduce((a, b) => a + b, 0);
  const widths = [numberWidth, ...weights.map((w) => Math.floor(w * unit))];
  const cell = (text: string, i: number, header = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: cellMargins,
      shading: header ? { type: ShadingType.CLEAR, fill: "EDEDED", color: "auto" } : undefined,
      // Justified text in a narrow cell spreads its characters apart: left-aligned instead.
      children: [
        para(text, { alignment: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 260 } }, { bold: header }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: grid,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

/** The document as a .docx file. */
export async function renderAgreementDocx(data: AgreementDocumentData, meta: { version?: number | null } = {}): Promise<Buffer> {
  const text = agreementDocumentText(data);
  const body = [
    para(text.title, { alignment: AlignmentType.CENTER, spacing: { after: 480 } }, { bold: true, size: 32 }),
    para(text.preamble, { indent: { firstLine: CHAR }, spacing: { after: 120 } }),
    ...text.articles.flatMap(article),
    // The closing sentence, the date and the signatures stay on one page.
    para(text.closing, { indent: { firstLine: CHAR }, spacing: { before: 480 }, keepNext: true, keepLines: true }),
    para(text.date, { indent: { left: CHAR * 2 }, spacing: { before: 360 }, keepNext: true }),
    signatureTable(text.signatures),
  ];
  const annexes = text.annexes.flatMap((a, i) => [
    para(a.caption, { spacing: { before: 240 }, pageBreakBefore: i === 0, keepNext: true }, { bold: true }),
    para(a.title, { alignment: AlignmentType.CENTER, spacing: { after: 120 }, keepNext: true }),
    annexTable(a.head, a.rows),
  ]);
  const doc = new Document({
    title: text.title,
    creator: "Renkei",
    description: meta.version ? `第${meta.version}版` : "現在の内容",
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCUMENT_FONT, hAnsi: DOCUMENT_FONT, eastAsia: DOCUMENT_FONT, cs: DOCUMENT_FONT, hint: "eastAsia" },
            size: 21,
            language: { value: "ja-JP", eastAsia: "ja-JP" },
          },
          paragraph: { spacing: { line: 300 }, alignment: AlignmentType.BOTH },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGIN, footer: 709 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })] }),
            ],
          }),
        },
        children: [...body, ...annexes],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: FONT_TABLE }]);
}

const versionParam = z.object({
  version: z.coerce
    .number({ error: "validation.invalid" })
    .int({ error: "validation.invalid" })
    .min(1, { error: "validation.invalid" })
    .optional(),
});

/**
 * The Word file of a visible agreement (404 to everyone else): `version` as
 * given in the query (?version=2), else the latest version, else the current
 * content of a draft.
 */
export async function agreementDocumentFile(ctx: ScopedContext, id: string, version: string | null) {
  const { version: asked } = parseInput(versionParam, { version: version === null || version === "" ? undefined : version });
  const source = await agreementDocumentSource(ctx, id, asked ?? null);
  const data = await renderAgreementDocx(source.data, { version: source.version });
  return {
    filename: documentFilename(source.data.title, asked ? source.version : null),
    contentType: DOCX_CONTENT_TYPE,
    data,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
}
