/** `/praktik.xlsx`: the CSV route's loader answers both extensions. */
export { loader } from "./praktik[.]csv";
