/** `/daerah/:code/benchmark.xlsx`: the CSV route's loader answers both extensions. */
export { loader } from "./daerah.$code_.benchmark[.]csv";
