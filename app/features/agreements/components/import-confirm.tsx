// Confirming an import. Without JavaScript it is a plain form post that
// redirects when done; with JavaScript the same post asks for a progress
// stream and fills a progress bar batch by batch.
import { useState, type FormEvent } from "react";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";

type Line =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; created: number; redirect?: string }
  | { type: "error"; title: string; errors?: { path: string; message: string }[] };

export function ImportConfirm({ importId, count, disabled }: { importId: string; count: number; disabled: boolean }) {
  const t = useT();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const action = `/agreements/import/${importId}/commit`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    if (typeof ReadableStream === "undefined") return; // the plain post still works
    event.preventDefault();
    setFailure(null);
    setProgress({ done: 0, total: count });
    try {
      const response = await fetch(action, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { accept: "application/x-ndjson" },
      });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const text of lines.filter(Boolean)) {
          const line = JSON.parse(text) as Line;
          if (line.type === "progress") setProgress({ done: line.done, total: line.total });
          else if (line.type === "done") window.location.assign(line.redirect ?? "/agreements");
          else {
            setProgress(null);
            setFailure([line.title, ...(line.errors ?? []).map((e) => e.message)]);
          }
        }
      }
    } catch {
      // The stream broke (network, server restart): let the page say where things stand.
      window.location.reload();
    }
  }

  const running = progress !== null;
  return (
    <form method="post" action={action} onSubmit={submit} className="flex flex-col gap-4">
      <p className="text-std-16N-170">{t("agreements.import.confirm.hint")}</p>
      {failure ? (
        <div role="alert" className="rounded-8 border-l-8 border-error-1 bg-solid-gray-50 p-4 text-std-16N-170">
          {failure.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      {running ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="import-progress" className="text-std-16B-170">
            {t("agreements.import.progress")}
          </label>
          <progress
            id="import-progress"
            className="h-4 w-full"
            max={progress.total || 1}
            value={progress.done}
            aria-valuetext={t("agreements.import.progress.text", progress)}
          />
          <p role="status" className="text-std-16N-170" data-testid="import-progress-text">
            {t("agreements.import.progress.text", progress)}
          </p>
        </div>
      ) : null}
      <div>
        <Button disabled={disabled || running}>{t("agreements.import.confirm", { count })}</Button>
      </div>
    </form>
  );
}
