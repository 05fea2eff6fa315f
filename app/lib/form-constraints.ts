// The HTML constraints of a form (required, minlength, maxlength, the pattern
// of a choice) from its Zod schema, for Conform. Conform's getZodConstraint
// (1.21.1) reads string lengths from zod's internal `_zod.bag`, which zod 4.6
// no longer fills (upstream: edmundhung/conform#1340, fix open in #1341), so
// the lengths are added here from zod's public `minLength`/`maxLength`.
// Delete the supplement once Conform reads the checks itself.
import type { Constraint } from "@conform-to/dom";
import { getZodConstraint } from "@conform-to/zod/v4";
import type { z } from "zod";

export function formConstraint(schema: z.ZodType): Record<string, Constraint> {
  const constraint = getZodConstraint(schema);
  for (const [name, leaf] of stringFields(schema, "")) {
    const entry = (constraint[name] ??= {});
    if (typeof leaf.minLength === "number" && leaf.minLength > 0) entry.minLength = leaf.minLength;
    if (typeof leaf.maxLength === "number") entry.maxLength = leaf.maxLength;
  }
  return constraint;
}

/** Every string schema in the tree with its input name ("title", "items[].title"), as Conform names them. */
function* stringFields(schema: z.core.$ZodType, name: string, depth = 0): Generator<[string, z.ZodString]> {
  if (depth > 16) return; // recursive schemas: forms never nest this deep
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
      if (name) yield [name, schema as z.ZodString];
      return;
    case "object":
      for (const [key, child] of Object.entries((def as z.core.$ZodObjectDef).shape))
        yield* stringFields(child, name ? `${name}.${key}` : key, depth + 1);
      return;
    case "array":
      yield* stringFields((def as z.core.$ZodArrayDef).element, `${name}[]`, depth + 1);
      return;
    case "pipe": {
      // z.preprocess(fn, schema) is pipe(transform, schema); string().max(254).pipe(z.email()) checks on both sides.
      const pipe = def as z.core.$ZodPipeDef;
      for (const side of [pipe.in, pipe.out]) if (side._zod.def.type !== "transform") yield* stringFields(side, name, depth + 1);
      return;
    }
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      yield* stringFields((def as z.core.$ZodOptionalDef).innerType, name, depth + 1);
      return;
    default:
      return;
  }
}
