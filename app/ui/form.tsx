// Form building blocks after the Digital Agency design system: visible labels,
// required/optional markers, hints and errors tied with aria-describedby,
// aria-invalid on bad fields, and an error summary that links to each field.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useT } from "./i18n";

/** What an action returns when validation fails: translated messages + the raw values. */
export interface FormErrors {
  fieldErrors: Record<string, string[]>;
  formError?: string;
  values?: Record<string, string | string[]>;
}

/** The failure an action returned for the form that posted `intent`, for pages with several forms. */
export function errorsForIntent(result: unknown, intent: string): FormErrors | null {
  if (!result || typeof result !== "object" || !("fieldErrors" in result)) return null;
  const errors = result as FormErrors;
  return errors.values?.intent === intent ? errors : null;
}

const inputClass =
  "block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 aria-[invalid=true]:border-error-1 focus-visible:outline-4";

function FieldShell(props: { id: string; label: string; required?: boolean; hint?: string; errors?: string[]; children: ReactNode }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={props.id} className="text-std-17B-170 text-solid-gray-800">
        {props.label}
        <span
          className={`ml-2 rounded-4 px-1 text-dns-14N-130 ${props.required ? "bg-error-1 text-white" : "bg-solid-gray-100 text-solid-gray-800"}`}
        >
          {props.required ? t("form.required") : t("form.optional")}
        </span>
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-std-16N-170 text-solid-gray-700">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.errors?.map((message) => (
        <p key={message} id={`${props.id}-error`} className="text-std-16N-170 text-error-1">
          ＊{message}
        </p>
      ))}
    </div>
  );
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type FieldBase = { name: string; label: string; errors?: FormErrors | null; hint?: string; required?: boolean; id?: string };

function fieldState(props: FieldBase) {
  // Two forms on one page may share a field name: pass `id` to keep ids unique.
  const id = props.id ?? `field-${props.name}`;
  const errors = props.errors?.fieldErrors[props.name];
  const kept = props.errors?.values?.[props.name];
  return { id, errors, kept: typeof kept === "string" ? kept : undefined };
}

export function TextField(props: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { name, label, errors: _e, hint, required, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept } = fieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        aria-required={required || undefined}
        defaultValue={rest.type === "password" ? undefined : (kept ?? defaultValue)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { name, label, errors: _e, hint, required, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept } = fieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={5}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        aria-required={required || undefined}
        defaultValue={kept ?? defaultValue}
        {...rest}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: FieldBase & { options: { value: string; label: string }[]; placeholder?: string } & Omit<
      SelectHTMLAttributes<HTMLSelectElement>,
      "name"
    >,
) {
  const { name, label, errors: _e, hint, required, options, placeholder, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept } = fieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <select
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        aria-required={required || undefined}
        defaultValue={kept ?? defaultValue ?? ""}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup(props: FieldBase & { options: { value: string; label: string }[]; defaultValue?: string[] }) {
  const t = useT();
  const id = `field-${props.name}`;
  const errors = props.errors?.fieldErrors[props.name];
  const keptRaw = props.errors?.values?.[props.name];
  const kept = keptRaw === undefined ? undefined : Array.isArray(keptRaw) ? keptRaw : [keptRaw];
  const selected = new Set(kept ?? props.defaultValue ?? []);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(id, props.hint, errors)}>
      <legend className="text-std-17B-170 text-solid-gray-800">
        {props.label}
        <span className="ml-2 rounded-4 bg-solid-gray-100 px-1 text-dns-14N-130">
          {props.required ? t("form.required") : t("form.optional")}
        </span>
      </legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
          {props.hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-std-16N-170">
            <input
              type="checkbox"
              name={`${props.name}[]`}
              value={o.value}
              defaultChecked={selected.has(o.value)}
              className="mt-1 size-5"
            />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.map((m) => (
        <p key={m} id={`${id}-error`} className="text-std-16N-170 text-error-1">
          ＊{m}
        </p>
      ))}
    </fieldset>
  );
}

/** `context` is read by screen readers only: it tells apart checkboxes that repeat one visible label row by row. */
export function Checkbox(props: { name: string; label: string; defaultChecked?: boolean; context?: string }) {
  return (
    <label className="flex items-center gap-2 text-std-16N-170">
      <input type="checkbox" name={props.name} defaultChecked={props.defaultChecked} className="size-5" />
      {props.label}
      {props.context ? <span className="sr-only">{props.context}</span> : null}
    </label>
  );
}

/** Lists every error at the top of the form, each linking to its field. */
export function ErrorSummary({
  errors,
  labels,
  ids = {},
}: {
  errors?: FormErrors | null;
  labels: Record<string, string>;
  ids?: Record<string, string>;
}) {
  const t = useT();
  if (!errors) return null;
  const entries = Object.entries(errors.fieldErrors);
  if (entries.length === 0 && !errors.formError) return null;
  return (
    <div role="alert" tabIndex={-1} className="rounded-8 border-2 border-error-1 bg-white p-4" id="error-summary">
      <p className="text-std-17B-170 text-error-1">{errors.formError ?? t("form.errorSummary", { count: entries.length })}</p>
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${ids[name] ?? `field-${name}`}`} className="text-blue-1000 underline">
                {labels[name] ?? name}: {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
