import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../src/node/write.js";
import { buildJsonSchemas, schemaText } from "./json-schema.js";

// npm run schema:build — regenerates schema/*.schema.json from the zod schemas.
const dir = fileURLToPath(new URL("../schema/", import.meta.url));
for (const [name, schema] of Object.entries(buildJsonSchemas())) {
  await writeFileAtomic(join(dir, name), schemaText(schema));
  process.stdout.write(`wrote schema/${name}\n`);
}
