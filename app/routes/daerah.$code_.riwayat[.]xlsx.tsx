/** `/daerah/:code/riwayat.xlsx`: the CSV route's loader answers both extensions. */
export { loader } from "./daerah.$code_.riwayat[.]csv";
