/** `/bandingkan.xlsx`: the CSV route's loader answers both extensions. */
export { loader } from "./bandingkan[.]csv";
