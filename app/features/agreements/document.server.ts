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
  WidthType,
  type IParagraphOptions,
} from "docx";
import { z } from "zod";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { agreementDocumentSource } from "./data.server";
import { agreementDocumentText, documentFilename, type AgreementDocumentData, type DocumentArticle } from "./document";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 游明朝, and ＭＳ 明朝 where it is not installed (older Windows, LibreOffice). */
const FONT = "游明朝";
const FALLBACK_FONT = "ＭＳ 明朝";
/**
 * docx writes an empty font table unless fonts are embedded; ours names the
 * fallback (w:altName) and the Japanese character set, which Word and
 * LibreOffice use to substitute a missing font.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="${FONT}"><w:altName w:val="${FALLBACK_FONT}"/><w:panose1 w:val="02020400000000000000"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="${FALLBACK_FONT}"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font></w:fonts>`;

// Twips (1/20 pt): one character of 10.5 pt is 210.
const CHAR = 210;
const A4 = { width: 11906, height: 16838 };
const CONTENT_WIDTH = A4.width - 1418 * 2;

const para = (text: string, options: Omit<IParagraphOptions, "children" | "text"> = {}, run: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ ...options, children: [new TextRun({ text, ...run })] });

/** Free text as the parties wrote it: one paragraph per line, indented. */
const quoted = (text: string, left = CHAR * 2) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => para(line, { indent: { left } }));

function article(a: DocumentArticle): Paragraph[] {
  const [first, ...rest] = a.paragraphs;
  return [
    para(a.heading, { spacing: { before: 240 }, keepNext: true }, { bold: true }),
    ...(first ? [para(first, { indent: { firstLine: CHAR } })] : []),
    ...(a.items ?? []).flatMap((item, i) => [
      para(`(${i + 1})　${item.title}`, { indent: { left: CHAR * 3, hanging: CHAR * 2 } }),
      ...quoted(item.description, CHAR * 3),
    ]),
    ...(a.quote ? quoted(a.quote) : []),
    ...rest.map((text, i) => para(`${i + 2}　${text}`, { indent: { left: CHAR, hanging: CHAR } })),
  ];
}

const noBorders = TableBorders.NONE;
const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const grid = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function signatureTable(signatures: { label: string; name: string; signatory: string }[]): Table {
  const widths = [CHAR * 4, CONTENT_WIDTH - CHAR * 8];
  return new Table({
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: CHAR * 4, type: WidthType.DXA },
    borders: noBorders,
    rows: signatures.map(
      (s) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, borders: noBorders, children: [para(s.label, { spacing: { before: 360 } })] }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              borders: noBorders,
              children: [para(s.name, { spacing: { before: 360 } }), para(`${s.signatory}　　　印`, { spacing: { before: 120 } })],
            }),
          ],
        }),
    ),
  });
}

function annexTable(head: string[], rows: string[][]): Table {
  const numberWidth = CHAR * 3;
  const rest = Math.floor((CONTENT_WIDTH - numberWidth) / (head.length - 1));
  const widths = [numberWidth, ...head.slice(1).map(() => rest)];
  const cell = (text: string, i: number, header = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: "EDEDED", color: "auto" } : undefined,
      children: [para(text, {}, { bold: header })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: grid,
    rows: [new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) }))],
  });
}

/** The document as a .docx file. */
export async function renderAgreementDocx(data: AgreementDocumentData, meta: { version?: number | null } = {}): Promise<Buffer> {
  const text = agreementDocumentText(data);
  const body = [
    para(text.title, { alignment: AlignmentType.CENTER, spacing: { after: 480 } }, { bold: true, size: 32 }),
    para(text.preamble, { indent: { firstLine: CHAR }, spacing: { after: 120 } }),
    ...text.articles.flatMap(article),
    para(text.closing, { indent: { firstLine: CHAR }, spacing: { before: 360 } }),
    para(text.date, { indent: { left: CHAR * 2 }, spacing: { before: 360 } }),
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
          run: { font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT, hint: "eastAsia" }, size: 21, language: { value: "ja-JP", eastAsia: "ja-JP" } },
          paragraph: { spacing: { line: 300 }, alignment: AlignmentType.BOTH },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: 1701, bottom: 1418, left: 1418, right: 1418, footer: 709 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })] })] }) },
        children: [...body, ...annexes],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: FONT_TABLE }]);
}

const versionParam = z.object({ version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" }).optional() });

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
