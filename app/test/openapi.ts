// Checks answers of the JSON API against the OpenAPI document: the status
// must be documented for the operation, the content type too, and a JSON
// body must match the documented schema (additional fields included: the
// views' objects allow none).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { oas31 } from "zod-openapi";
import type { OpenApiDocument } from "~/server/openapi/document.server";

const isRef = (value: unknown): value is oas31.ReferenceObject => typeof value === "object" && value !== null && "$ref" in value;

export function answerChecker(doc: OpenApiDocument) {
  // Zod writes a pattern beside every format, so formats need no validator of their own.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (schema: oas31.SchemaObject | oas31.ReferenceObject) => {
    const key = JSON.stringify(schema);
    let validator = compiled.get(key);
    if (!validator) {
      // The component schemas travel along, so "#/components/schemas/…" resolves.
      validator = ajv.compile({ ...schema, components: doc.components });
      compiled.set(key, validator);
    }
    return validator;
  };
  const resolveResponse = (response: oas31.ResponseObject | oas31.ReferenceObject): oas31.ResponseObject =>
    isRef(response) ? (doc.components!.responses![response.$ref.split("/").pop()!] as oas31.ResponseObject) : response;

  /** The problems with an answer to `method template` (empty: it is as documented). */
  return function check(method: string, template: string, status: number, contentType: string, text: string): string[] {
    const op = doc.paths?.[template]?.[method.toLowerCase() as "get"];
    if (!op) return [`${method} ${template} is not in the document`];
    const declared = op.responses?.[String(status)] as oas31.ResponseObject | oas31.ReferenceObject | undefined;
    if (!declared && status < 400) return [`${method} ${template} answered ${status}, which is not documented`];
    const response = resolveResponse((declared ?? op.responses!.default) as oas31.ResponseObject);
    if (status === 204) return text === "" ? [] : [`204 with a body`];
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    const media = response.content?.[type] ?? response.content?.["*/*"];
    if (!media)
      return [
        `${method} ${template} → ${status} ${type}: content type not documented (${Object.keys(response.content ?? {}).join(", ") || "none"})`,
      ];
    if (!/[/+]json$/.test(type) || !media.schema) return [];
    const validate = validatorFor(media.schema);
    if (validate(JSON.parse(text))) return [];
    return (validate.errors ?? [])
      .slice(0, 10)
      .map(
        (e) =>
          `${method} ${template} → ${status}: ${e.instancePath || "(body)"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
      );
  };
}
