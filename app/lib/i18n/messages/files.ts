// Attachments.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["files"] as const;

export const messages = {
  "files.remove": { ja: "「{name}」を削除する", en: 'Remove "{name}"' },
  "files.size": { ja: "{size}KB", en: "{size} KB" },
} satisfies Messages;
