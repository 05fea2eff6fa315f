// Attachment UI shared by every feature that takes files: the list of
// download links, and the form part that removes old files and adds new ones.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { TextField } from "~/ui/form";
import { acceptAttribute } from "../schema";

interface FileRef {
  id: string;
  filename: string;
  size?: number;
}

/** Download links; `href` builds each file's URL (the owner checks visibility). */
export function AttachmentList({ files, href }: { files: FileRef[]; href: (id: string) => string }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="list-disc pl-6">
      {files.map((a) => (
        <li key={a.id}>
          <a href={href(a.id)} className="text-blue-1000 underline" download>
            {a.filename}
          </a>
          {a.size !== undefined ? `（${t("files.size", { size: format.number(Math.max(1, Math.round(a.size / 1024))) })}）` : null}
        </li>
      ))}
    </ul>
  );
}

/** Checkboxes to remove existing files (removeAttachments) and an input to add more (attachments). */
export function AttachmentsField({ existing = [], label, legend }: { existing?: FileRef[]; label: string; legend: string }) {
  const t = useT();
  return (
    <>
      {existing.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-std-17B-170">{legend}</legend>
          {existing.map((a) => (
            <label key={a.id} className="flex items-center gap-2">
              <input type="checkbox" name="removeAttachments" value={a.id} className="size-5" />
              {t("files.remove", { name: a.filename })}
            </label>
          ))}
        </fieldset>
      ) : null}
      <TextField name="attachments" type="file" multiple accept={acceptAttribute} label={label} hint={t("themes.field.attachments.hint")} />
    </>
  );
}
