// Zod 4 compiles object parsers with `new Function` where it may. Our
// Content-Security-Policy has no 'unsafe-eval', so in the browser even Zod's
// probe for it is refused and reported as a violation: parse without
// compiling there. Imported first by app/root.tsx, before any schema exists
// (Zod decides when a schema is created). The server keeps the compiled parsers.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
