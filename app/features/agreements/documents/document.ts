// The agreement document (協定書) as text: our own standard wording, filled in
// from the agreement's structured data, with the preamble, the amendment
// clause and the dispute clause taken from the municipality's template.
// Pure (no database, no docx): the renderer in document.server.ts lays it out,
// the template page shows the defaults and the placeholders.
import { formatWareki } from "~/lib/wareki";
import type { z } from "zod";
import type { AgreementStatus } from "../constants";
import type { agreementDocumentVersion } from "../schema";

/** What a municipality may word its own way; the rest is standard wording. */
export interface AgreementTemplateText {
  preamble: string;
  amendmentClause: string;
  disputeClause: string;
}

/**
 * Placeholders a template may use, with half- or full-width braces:
 * {当事者} "A市（以下「甲」という。）及びB株式会社（以下「乙」という。）",
 * {甲乙} "甲及び乙", {協定名} the agreement's title.
 */
export const templatePlaceholders = ["当事者", "甲乙", "協定名"] as const;
const PLACEHOLDER = /[{｛]([^{}｛｝]*)[}｝]/g;

export const defaultAgreementTemplate: AgreementTemplateText = {
  preamble:
    "{当事者}は、対等な立場と相互の信頼のもとに、それぞれが持つ人材、技術、情報その他の資源を持ち寄り、地域が抱える課題に共に取り組んで住みよいまちづくりを進めるため、{協定名}として次のとおり協定を結ぶ。",
  amendmentClause:
    "本協定の内容を改めるときは、いずれかの当事者からの申出を受けて{甲乙}が協議し、全ての当事者が書面で合意したうえで改めるものとする。改めた協定書は新たな版とし、従前の版とともに保存する。",
  disputeClause:
    "本協定に書かれていない事項が生じたとき、又は本協定の条文の解釈に疑いが生じたときは、{甲乙}は、互いに誠実に話し合い、その解決に努めるものとする。",
};

/** Placeholder names a text uses that we do not know (for validation). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(templatePlaceholders as readonly string[]).includes(name));
}

function fillPlaceholders(text: string, values: Record<(typeof templatePlaceholders)[number], string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole));
}

/**
 * Everything a document is made from: a version keeps exactly this (the
 * template wording included), so an old version renders as it was.
 */
export interface AgreementDocumentData {
  format: 1;
  title: string;
  purpose: string;
  roles: string;
  consultationBody: string;
  costSharing: string;
  confidentiality: string;
  startsOn: string | null;
  endsOn: string | null;
  renewalRule: string;
  renewalYears: number | null;
  objectionDeadline: string | null;
  signedOn: string | null;
  /** In party order: the municipality first. */
  parties: { name: string; kind: string; signatoryTitle: string; signatoryName: string }[];
  items: { title: string; description: string; field: string; fieldLabel: string; departmentName: string | null; partnerOwner: string }[];
  template: AgreementTemplateText;
}

export type AgreementDocumentVersionView = z.output<typeof agreementDocumentVersion>;

/** Amendments are recorded on agreements in force (content is edited while drafting). */
export const amendableStatuses: readonly AgreementStatus[] = ["signed", "active", "renewed"];

const PARTY_LABELS = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];

/** 甲, 乙, 丙 … in party order; past the tenth, 当事者11, 当事者12 … */
export const partyLabel = (index: number) => PARTY_LABELS[index] ?? `当事者${index + 1}`;

/** "甲及び乙", "甲、乙及び丙". */
export function joinJapanese(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join("、")}及び${words.at(-1)}`;
}

/** The title of the document: "…連携協定" becomes "…連携協定書". */
export const documentTitle = (title: string) => (/協定$/.test(title.trim()) ? `${title.trim()}書` : title.trim());

/** An unsigned document leaves the date to be written in by hand. */
export const BLANK_DATE = "令和　　年　　月　　日";

/**
 * Who signs for a party when no signatory was recorded: the head of a
 * municipality or prefecture; for anyone else nothing (the 代表者 line is
 * left to be written in: 代表取締役, 理事長, 学長 …).
 */
export function defaultSignatoryTitle(party: { name: string; kind: string }): string {
  if (party.kind === "municipality") return /[市町村区]$/.test(party.name) ? `${party.name}長` : "";
  if (party.kind === "prefecture") return /[都道府県]$/.test(party.name) ? `${party.name}知事` : "";
  return "";
}

export interface DocumentArticle {
  /** "第1条（目的）" */
  heading: string;
  /** Paragraphs of the article; a second and later paragraph is a numbered 項 ("2　…"). */
  paragraphs: string[];
  /** Numbered items "(1)" … with an optional description, shown after the first paragraph. */
  items?: { title: string; description: string }[];
  /** Free text the parties wrote, quoted as is after the first paragraph. */
  quote?: string;
}

export interface DocumentAnnex {
  /** "別表（第3条関係）" */
  caption: string;
  title: string;
  head: string[];
  rows: string[][];
}

export interface DocumentText {
  title: string;
  preamble: string;
  articles: DocumentArticle[];
  closing: string;
  date: string;
  /** Per party: 甲 …, its name, and its representative's title and name ("" when neither is known). */
  signatures: { label: string; name: string; signatory: string }[];
  annexes: DocumentAnnex[];
}

/** The whole document as text, in order. */
export function agreementDocumentText(data: AgreementDocumentData): DocumentText {
  const labels = data.parties.map((_, i) => partyLabel(i));
  const all = joinJapanese(labels);
  const parties = joinJapanese(data.parties.map((p, i) => `${p.name}（以下「${labels[i]}」という。）`));
  const fill = (text: string) => fillPlaceholders(text, { 当事者: parties, 甲乙: all, 協定名: data.title.trim() });
  const first = labels[0] ?? "甲";
  const others = joinJapanese(labels.slice(1));
  const articles: Omit<DocumentArticle, "heading">[] = [];
  const headings: string[] = [];
  const add = (caption: string, article: Omit<DocumentArticle, "heading">) => {
    headings.push(caption);
    articles.push(article);
  };
  const annexes: DocumentAnnex[] = [];

  add("目的", {
    paragraphs: [
      `本協定は、${all}が互いに連携し、協力して取り組むことにより、次に掲げる目的を実現するために必要な事項を定めるものとする。`,
    ],
    quote: data.purpose.trim(),
  });
  add("連携事項", {
    paragraphs:
      data.items.length > 0
        ? [
            `${all}は、前条の目的を実現するため、次に掲げる事項について連携し、協力する。`,
            `前項各号に掲げる事項の具体的な内容、進め方及び時期は、${all}が協議のうえ定める。`,
          ]
        : [`${all}は、前条の目的を実現するため、${all}が協議のうえ定める事項について連携し、協力する。`],
    items: data.items.map((i) => ({ title: i.title.trim(), description: i.description.trim() })),
  });
  const owners = data.items.some((i) => i.departmentName || i.partnerOwner);
  add("役割分担", {
    paragraphs: [
      data.roles.trim()
        ? `連携事項を進めるに当たっての${all}の役割は、次のとおりとする。`
        : `連携事項を進めるに当たっての${all}の役割は、事項ごとに${all}が協議のうえ定める。`,
      ...(owners ? [`前条第1項各号に掲げる事項ごとの${all}の担当は、別表のとおりとする。`] : []),
    ],
    quote: data.roles.trim(),
  });
  if (owners) {
    annexes.push({
      caption: `別表（第${headings.length}条関係）`,
      title: "連携事項ごとの担当",
      head: ["号", "連携事項", "分野", `${first}の担当`, `${others || "相手方"}の担当`],
      rows: data.items.map((i, n) => [`(${n + 1})`, i.title.trim(), i.fieldLabel, i.departmentName ?? "", i.partnerOwner.trim()]),
    });
  }
  add("協議の場", {
    paragraphs: data.consultationBody.trim()
      ? [`${all}は、本協定に基づく連携を円滑に進め、その成果と課題を共有するため、次の協議の場を設ける。`]
      : [`${all}は、本協定に基づく連携を円滑に進め、その成果と課題を共有するため、定期に、又は必要に応じて協議の場を設ける。`],
    quote: data.consultationBody.trim(),
  });
  add("有効期間及び更新", { paragraphs: termParagraphs(data, all) });
  add("費用負担", {
    paragraphs: data.costSharing.trim()
      ? ["本協定に基づく取組に要する費用の負担は、次のとおりとする。"]
      : ["本協定に基づく取組に要する費用は、別に定めがある場合を除き、それぞれの当事者が自ら負担する。"],
    quote: data.costSharing.trim(),
  });
  add("秘密の保持", {
    paragraphs: data.confidentiality.trim()
      ? [`${all}は、本協定に基づく取組を通じて知り得た秘密の取扱いについて、次のとおり定める。`]
      : [
          `${all}は、本協定に基づく取組を通じて知り得た他の当事者の秘密を、その当事者の書面による承諾を得ずに第三者に開示し、又は本協定の目的のほかに用いてはならない。`,
          "前項の規定は、本協定が終了した後も効力を有する。",
        ],
    quote: data.confidentiality.trim(),
  });
  add("協定の変更", { paragraphs: splitParagraphs(fill(data.template.amendmentClause)) });
  add("協議", { paragraphs: splitParagraphs(fill(data.template.disputeClause)) });

  return {
    title: documentTitle(data.title),
    preamble: fill(data.template.preamble).trim(),
    articles: articles.map((a, i) => ({ heading: `第${i + 1}条（${headings[i]}）`, ...a })),
    closing: `本協定の締結を証するため、本書${data.parties.length}通を作成し、${all}が記名押印のうえ、各自1通を保有する。`,
    date: data.signedOn ? formatWareki(data.signedOn) : BLANK_DATE,
    signatures: data.parties.map((p, i) => ({
      label: labels[i]!,
      name: p.name,
      signatory: [p.signatoryTitle.trim() || defaultSignatoryTitle(p), p.signatoryName.trim()].filter(Boolean).join("　"),
    })),
    annexes,
  };
}

function termParagraphs(data: AgreementDocumentData, all: string): string[] {
  const start = data.startsOn ? formatWareki(data.startsOn) : null;
  const end = data.endsOn ? formatWareki(data.endsOn) : null;
  const term =
    start && end
      ? `本協定の有効期間は、${start}から${end}までとする。`
      : end
        ? `本協定の有効期間は、本協定を締結した日から${end}までとする。`
        : start
          ? `本協定は、${start}から効力を生ずる。`
          : "本協定は、締結した日から効力を生ずる。";
  if (data.renewalRule === "automatic") {
    const deadline = data.objectionDeadline ? `${formatWareki(data.objectionDeadline)}までに` : "有効期間が満了する日の3月前までに";
    const years = data.renewalYears ? `${data.renewalYears}年間` : "同じ期間";
    return [
      term,
      `${deadline}いずれの当事者からも書面による別段の申出がないときは、本協定は、有効期間が満了する日の翌日から起算して${years}、同じ内容で更新されたものとみなす。その後に有効期間が満了するときも、同様とする。`,
    ];
  }
  return [
    term,
    `有効期間の満了に当たっては、${all}は、それまでの連携の成果を検証したうえで協議し、更新するかどうか及び更新後の内容を定める。`,
  ];
}

/** A template clause may run over several paragraphs: one per non-empty line. */
function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** "協定書_<title>.docx", safe as a file name on every system. */
export function documentFilename(title: string, version?: number | null): string {
  const safe = [...title]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '\\/:*?"<>|'.includes(c) ? "_" : c))
    .slice(0, 100)
    .join("")
    .trim();
  return `協定書_${safe || "協定"}${version ? `_第${version}版` : ""}.docx`;
}
