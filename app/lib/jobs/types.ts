// The job names and payloads known to the queue. Features enqueue through the
// JobSender interface; workers are declared in each feature's manifest.server.ts
// (and the daily reminder run in app/server/features.server.ts).
export interface JobPayloads {
  "outbox.deliver": { outboxId: string };
  "outbox.sweep": Record<string, never>;
  /** Once a day: agreement end / objection-deadline reminders (and later features' reminders). */
  "reminders.daily": Record<string, never>;
  /** Every 15 minutes: meetings starting within a day. */
  "reminders.meetings": Record<string, never>;
  /** Once a day: every agreement in force gets its health score (results). */
  "health.daily": Record<string, never>;
  /** After a change to an agreement's meetings, contacts, items, projects or figures: its score again. */
  "health.agreement": { agreementId: string };
}
export type JobName = keyof JobPayloads;

export interface SendOptions {
  /** Same key while a job is queued or active → sent once (pg-boss singletonKey). */
  singletonKey?: string;
  startAfter?: Date | number;
}

export interface JobSender {
  send<N extends JobName>(name: N, data: JobPayloads[N], options?: SendOptions): Promise<string | null>;
}
