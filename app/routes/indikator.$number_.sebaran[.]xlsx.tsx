/** `/indikator/:number/sebaran.xlsx`: the CSV route's loader answers both extensions. */
export { loader } from "./indikator.$number_.sebaran[.]csv";
