/**
 * The query parameters that change what a shared page shows, kept in its canonical URL and its
 * preview image's URL (paging, sorting and one-off messages are not). Pages and image routes read
 * the same lists, so a page and its picture always show the same thing.
 */
export const RANKINGS_SHARE_QUERY = ["kerangka", "data", "tahun", "jenis", "provinsi", "kohort"] as const;
export const COMPARE_SHARE_QUERY = ["kerangka", "daerah", "tahun"] as const;
export const BENCHMARK_SHARE_QUERY = ["kerangka", "tahun"] as const;
