// Form building blocks after the Digital Agency design system: visible labels,
// required/optional markers, hints and errors tied with aria-describedby,
// aria-invalid on bad fields, and an error summary that links to each field.
// A form is a SchemaForm: Conform reads its Zod schema, so the HTML
// constraints (required, maxlength, pattern), the browser's check before
// sending and the server's answer all come from that one schema.
import { FormProvider, useField, useForm, useFormMetadata, type SubmissionResult } from "@conform-to/react";
import { parse } from "@conform-to/dom";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { Form, useNavigation } from "react-router";
import type { z } from "zod";
import { formConstraint } from "~/lib/form-constraints";
import { validatePayload } from "~/lib/form-payload";
import { useLocale, useT } from "./i18n";

/** What a form action answers when it refuses the input (server/forms.server.ts). */
export type FormResult = SubmissionResult<string[]>;

function isFormResult(value: unknown): value is FormResult {
  return !!value && typeof value === "object" && "status" in value && (value as FormResult).status === "error";
}

/** The action's answer if it is the refusal of the form that posted `intent` (pages with several forms). */
export function resultForIntent(result: unknown, intent: string | readonly string[]): FormResult | undefined {
  if (!isFormResult(result)) return undefined;
  const posted = result.initialValue?.intent;
  return typeof posted === "string" && (typeof intent === "string" ? posted === intent : intent.includes(posted)) ? result : undefined;
}

/** A value the person typed before the action refused the form (a hidden token to keep). */
export function keptValue(result: unknown, name: string): string | undefined {
  const value = isFormResult(result) ? result.initialValue?.[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Fields know whether they sit in a SchemaForm (a field outside one is a bug caught in development). */
const InSchemaForm = createContext(false);

type SchemaFormProps = Omit<ComponentProps<typeof Form>, "onSubmit" | "noValidate" | "id"> & {
  /** The Zod object schema the server validates this form's fields with. */
  schema: z.ZodType;
  /** useActionData(): the refusal to show, with what was typed. */
  result?: unknown;
  /** On a page with several forms: show `result` only if it answers this form's intent (or one of them). */
  intent?: string | readonly string[];
  /** Buttons posting different intents: check in the browser only for these (the rest, a draft save, go straight to the server). */
  checkIntents?: string[];
  /** Empty the fields once the server accepted them (a message, an item added below: typing it again would post it twice). */
  resetOnSuccess?: boolean;
  id?: string;
  children: ReactNode;
};

export function SchemaForm({ schema, result, intent, checkIntents, resetOnSuccess, id, children, ref, ...formProps }: SchemaFormProps) {
  const locale = useLocale();
  const constraint = useMemo(() => formConstraint(schema), [schema]);
  const lastResult = intent === undefined ? (isFormResult(result) ? result : undefined) : resultForIntent(result, intent);
  const [form] = useForm<Record<string, unknown>>({
    id,
    lastResult,
    constraint,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ form: element, submitter, formData }) =>
      parse(formData, {
        resolve: (payload) =>
          // Revalidating as the person types has no submitter: always check then.
          submitter && checkIntents && !checkIntents.includes(submitter.value)
            ? { value: payload }
            : validatePayload(schema, payload, locale, (name) => element.elements.namedItem(name) !== null),
      }),
  });
  const element = useRef<HTMLFormElement | null>(null);
  // The caller may hold the form element too (the proposal form's autosave reads it).
  const setElement = useCallback(
    (node: HTMLFormElement | null) => {
      element.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  // The server refused what was sent: show the person the summary of every problem (issue 20).
  useEffect(() => {
    if (lastResult) focusErrorSummary(element.current);
  }, [lastResult]);
  // One submission at a time: a second click while the first is on its way is dropped (issue 20).
  const navigation = useNavigation();
  const inFlight = useRef(false);
  // Shown as aria-busy: the buttons look busy (app.css) while the submission is on its way.
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (navigation.state !== "idle" || !inFlight.current) return;
    inFlight.current = false;
    setBusy(false);
    // Back from the server without a refusal for this form: it was accepted.
    if (resetOnSuccess && !lastResult) element.current?.reset();
  }, [navigation.state, lastResult, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    form.onSubmit(event);
    // The check before sending refused it: the summary renders on the next frame.
    if (event.defaultPrevented) requestAnimationFrame(() => focusErrorSummary(element.current));
    else {
      inFlight.current = true;
      setBusy(true);
    }
  };
  return (
    <FormProvider context={form.context}>
      <InSchemaForm.Provider value={true}>
        {/* noValidate always: messages come from our schema, in the page's language, all at once — not the browser's bubbles. */}
        <Form {...formProps} ref={setElement} id={form.id} onSubmit={onSubmit} aria-busy={busy || undefined} noValidate>
          {children}
        </Form>
      </InSchemaForm.Provider>
    </FormProvider>
  );
}

/** Moves focus to the form's error summary and brings it into view (after a failed submit the button may be far below it). */
function focusErrorSummary(form: HTMLFormElement | null) {
  const summary = form?.querySelector<HTMLElement>("[data-error-summary]");
  if (!summary) return;
  summary.focus({ preventScroll: true });
  summary.scrollIntoView({ block: "start" });
}

/** A field's id: "field-title", "field-items-0-title". */
export const fieldId = (name: string) => `field-${name.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-")}`;

const inputClass =
  "block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 aria-[invalid=true]:border-error-1 focus-visible:outline-4";

function FieldShell(props: { id: string; label: string; required?: boolean; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={props.id} className="text-std-17B-170 text-solid-gray-800">
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <FieldHint id={props.id} hint={props.hint} />
      {props.children}
      <FieldErrors id={props.id} errors={props.errors} />
    </div>
  );
}

function RequiredMark({ required }: { required?: boolean }) {
  const t = useT();
  return (
    <span
      className={`ml-2 rounded-4 px-1 text-dns-14N-130 ${required ? "bg-error-1 text-white" : "bg-solid-gray-100 text-solid-gray-800"}`}
    >
      {required ? t("form.required") : t("form.optional")}
    </span>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
      {hint}
    </p>
  ) : null;
}

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={`${id}-error`}>
      {errors.map((message) => (
        <p key={message} className="text-std-16N-170 text-error-1">
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

/** `required` overrides the schema's answer (a field the route fills in or checks itself). */
type FieldBase = { name: string; label: string; hint?: string; required?: boolean; id?: string };

/** The field's state from its SchemaForm: messages, what was typed before a refusal, the schema's constraints. */
function useFieldState(props: FieldBase) {
  if (!useContext(InSchemaForm)) throw new Error(`Field "${props.name}" must sit inside a SchemaForm.`);
  const [meta] = useField<unknown>(props.name);
  const errors = meta.errors?.length ? meta.errors : undefined;
  // Two forms on one page may share a field name: pass `id` to keep ids unique.
  const id = props.id ?? fieldId(props.name);
  return {
    id,
    errors,
    kept: meta.initialValue,
    constraint: meta,
    required: props.required ?? meta.required ?? false,
    aria: {
      "aria-invalid": errors ? true : undefined,
      "aria-describedby": describedBy(id, props.hint, errors),
    },
  };
}

/** The input types HTML lets `pattern` apply to. */
const patternTypes = new Set(["text", "search", "tel", "url", "email", "password"]);

const textOf = (value: unknown) => (typeof value === "string" ? value : undefined);

export function TextField(props: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { name, label, hint, required: _r, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept, required, aria, constraint: meta } = useFieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        className={inputClass}
        required={required}
        minLength={meta.minLength}
        maxLength={meta.maxLength}
        pattern={patternTypes.has(rest.type ?? "text") ? meta.pattern : undefined}
        min={meta.min}
        max={meta.max}
        {...aria}
        defaultValue={rest.type === "password" ? undefined : (textOf(kept) ?? defaultValue)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { name, label, hint, required: _r, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept, required, aria, constraint: meta } = useFieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={5}
        className={inputClass}
        required={required}
        minLength={meta.minLength}
        maxLength={meta.maxLength}
        {...aria}
        defaultValue={textOf(kept) ?? defaultValue}
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
  const { name, label, hint, required: _r, options, placeholder, defaultValue, id: _id, ...rest } = props;
  const { id, errors, kept, required, aria } = useFieldState(props);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={errors}>
      <select
        id={id}
        name={name}
        className={inputClass}
        required={required}
        {...aria}
        defaultValue={textOf(kept) ?? defaultValue ?? ""}
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
  const { id, errors, kept, required } = useFieldState(props);
  const keptList = kept === undefined ? undefined : Array.isArray(kept) ? kept : [kept];
  const selected = new Set(keptList ?? props.defaultValue ?? []);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(id, props.hint, errors)}>
      {/* Not the `required` attribute: on a checkbox it would demand that each box be ticked. */}
      <legend id={id} tabIndex={-1} className="text-std-17B-170 text-solid-gray-800">
        {props.label}
        <RequiredMark required={required} />
      </legend>
      <FieldHint id={id} hint={props.hint} />
      <div className="grid gap-2 sm:grid-cols-2">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-std-16N-170">
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              defaultChecked={selected.has(o.value)}
              className="mt-1 size-5 shrink-0"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldErrors id={id} errors={errors} />
    </fieldset>
  );
}

/** A list's own messages (too many rows, duplicates) above its rows, which have messages of their own. */
export function FieldNotice({ name }: { name: string }) {
  const [meta] = useField<unknown>(name);
  if (!meta.errors?.length) return null;
  return (
    <div
      role="alert"
      className="rounded-8 border-2 border-error-1 bg-white p-4 text-std-16N-170 text-error-1"
      id={`${fieldId(name)}-error`}
    >
      {meta.errors.join(" ")}
    </div>
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

/**
 * Lists every error of the SchemaForm it sits in at the top, each linking to
 * its field. `labels` names fields by input name; a row's field
 * ("items[2].title") falls back to its column ("items[].title") and the row number.
 */
export function ErrorSummary({ labels, ids = {} }: { labels: Record<string, string>; ids?: Record<string, string> }) {
  const t = useT();
  const form = useFormMetadata();
  const formErrors = form.errors ?? [];
  const entries = Object.entries(form.allErrors).filter(([name, messages]) => name !== "" && messages.length > 0);
  if (entries.length === 0 && formErrors.length === 0) return null;
  return (
    // autoFocus: without JavaScript the browser focuses the summary of the page the server answered with.
    <div
      role="alert"
      tabIndex={-1}
      autoFocus
      data-error-summary
      className="scroll-mt-4 rounded-8 border-2 border-error-1 bg-white p-4"
      id="error-summary"
    >
      <p className="text-std-17B-170 text-error-1">
        {formErrors.length ? formErrors.join(" ") : t("form.errorSummary", { count: entries.length })}
      </p>
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${ids[name] ?? fieldId(name)}`} className="text-blue-1000 underline">
                {labelOf(labels, name, t)}: {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function labelOf(labels: Record<string, string>, name: string, t: ReturnType<typeof useT>): string {
  if (labels[name]) return labels[name];
  const row = /\[(\d+)\]/.exec(name);
  const column = labels[name.replace(/\[\d+\]/g, "[]")];
  return column && row ? t("form.rowField", { field: column, row: Number(row[1]) + 1 }) : (column ?? name);
}
