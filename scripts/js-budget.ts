/**
 * `npm run bench:js`: prints the gzipped JavaScript each public page loads, read from the last
 * `npm run build` (it builds nothing), and exits 1 when a listed page is over the budget.
 */
import { fileURLToPath } from "node:url";
import { formatPageJavaScript, measurePageJavaScript } from "./bench/page-javascript";

const results = measurePageJavaScript(fileURLToPath(new URL("../public", import.meta.url)));
console.log(formatPageJavaScript(results));
const over = results.filter((result) => result.overBudget);
if (over.length > 0) {
  console.error(`[bench:js] over budget: ${over.map((result) => result.page.name).join(", ")}`);
  process.exit(1);
}
