// The national list of local governments.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["directory"] as const;

export const messages = {
  "directory.title": { ja: "全国の自治体", en: "Municipalities of Japan" },
  "directory.search": { ja: "自治体を探す", en: "Find a municipality" },
  "directory.search.hint": {
    ja: "漢字・ひらがな・カタカナ・団体コードの先頭で検索できます。",
    en: "Search by kanji, kana, or the beginning of the local government code.",
  },
  "directory.search.submit": { ja: "検索", en: "Search" },
  "directory.code": { ja: "団体コード", en: "Code" },
  "directory.name": { ja: "名称", en: "Name" },
  "directory.kana": { ja: "よみがな", en: "Reading" },
  "directory.kind": { ja: "区分", en: "Type" },
  "directory.kind.prefecture": { ja: "都道府県", en: "Prefecture" },
  "directory.kind.municipality": { ja: "市区町村", en: "Municipality" },
  "directory.kind.ward": { ja: "行政区", en: "Ward" },
  "directory.onPlatform": { ja: "Renkei で提案を受付中", en: "Takes proposals on Renkei" },
  "directory.results": { ja: "{count} 件", en: "{count} results" },
  "directory.none": { ja: "該当する自治体はありません。", en: "No municipality matches." },
} satisfies Messages;
