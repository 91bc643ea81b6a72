// Copy the browser files the pages need from node_modules into var/vendor (git-ignored).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "var", "vendor");
mkdirSync(out, { recursive: true });
const files = [
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
  // The minified file ends with a sourceMappingURL comment: ManifestStaticFilesStorage follows it, so
  // collectstatic with production settings fails without the map beside it.
  ["chart.js/dist/chart.umd.min.js.map", "chart.umd.min.js.map"],
];
for (const [from, to] of files) {
  copyFileSync(join(root, "node_modules", from), join(out, to));
}
console.log(`vendored ${files.length} file(s) into var/vendor`);
