// How a person receives the mail of each kind of notification. Notifications are
// grouped into what a person recognises (proposals, agreements, meetings); the
// account's own mails (a welcome, a new member) always go at once.
export const mailCategories = ["proposals", "agreements", "meetings"] as const;
export type MailCategory = (typeof mailCategories)[number];

/** At once, gathered into one mail a day (08:00 Japan time), or only in the app. */
export const mailDeliveries = ["immediate", "daily", "off"] as const;
export type MailDelivery = (typeof mailDeliveries)[number];

const categoryOfKind: Record<string, MailCategory> = {
  proposal: "proposals",
  theme: "proposals",
  theme_published: "proposals",
  free: "proposals",
  agreement: "agreements",
  agreement_reminder: "agreements",
  health_digest: "agreements",
  meeting_reminder: "meetings",
  action_item_overdue: "meetings",
};

/** The category a notification's kind belongs to; null: an account mail, always sent at once. */
export const mailCategoryOf = (kind: string): MailCategory | null => categoryOfKind[kind] ?? null;
