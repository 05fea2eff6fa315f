export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface OutboxItem {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: "pending" | "sent" | "kept" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
