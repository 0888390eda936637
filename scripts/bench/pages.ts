/** The pages `npm run bench` measures, with the URLs each is requested with. */
import type { BenchInputs } from "./scale-data";
import { SEARCH_PATHS } from "./search-bench";

export interface BenchPage {
  name: string;
  /** Varied URLs, requested round-robin so no single answer makes it trivial. */
  paths: (inputs: BenchInputs) => string[];
  /** Instead of a browser's headers (the API answers programs asking for JSON). */
  headers?: Record<string, string>;
  /**
   * Whether a never-sent query parameter may make each URL unique: the API refuses parameters it
   * does not know, so its URLs repeat (no validators sent, but a URL-keyed cache could answer).
   */
  uniqueQuery: boolean;
}

const API_CLIENT_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "application/json" };

/** The static file every page is measured against: served by the same server, the ceiling. */
export const STATIC_FILE: BenchPage = { name: "static file", paths: () => ["/favicon.svg"], uniqueQuery: true };

/** Issue 18: every page's p95 without any HTTP cache at 4 connections. */
export const UNCACHED_P95_TARGET_MS = 50;

/** The measured pages, in order. */
export const PAGES: BenchPage[] = [
  { name: "home", paths: () => ["/"], uniqueQuery: true },
  {
    name: "rankings",
    // The sample view ranks all 514 synthetic regions of the scale data: the largest ranking.
    paths: () => ["/peringkat?tahun=2024", "/peringkat?data=contoh&tahun=2024", "/peringkat?tahun=2023&provinsi=32", "/peringkat?data=contoh&tahun=2024&jenis=kota", "/peringkat?tahun=2022&kohort=idsl-2022"],
    uniqueQuery: true,
  },
  { name: "directory", paths: () => ["/daerah", "/daerah?provinsi=35", "/daerah?jenis=kota"], uniqueQuery: true },
  { name: "region", paths: (inputs) => inputs.regionCodes.map((code) => `/daerah/${code}`), uniqueQuery: true },
  { name: "region benchmark", paths: (inputs) => inputs.regionCodes.map((code) => `/daerah/${code}/benchmark`), uniqueQuery: true },
  { name: "compare", paths: (inputs) => inputs.regionTriplets.map((codes) => `/bandingkan?daerah=${codes.join(",")}`), uniqueQuery: true },
  {
    name: "practices list",
    paths: (inputs) => ["/praktik", "/praktik?indikator=37", `/praktik?tag=${encodeURIComponent(inputs.tag)}`, "/praktik?provinsi=35"],
    uniqueQuery: true,
  },
  { name: "practices most adopted", paths: () => ["/praktik?urut=terbanyak-diadopsi", "/praktik?urut=terbanyak-diadopsi&hal=2"], uniqueQuery: true },
  { name: "practice", paths: (inputs) => inputs.practiceIds.map((id) => `/praktik/${id}`), uniqueQuery: true },
  { name: "province", paths: () => ["11", "32", "33", "35", "51", "64", "73", "94"].map((code) => `/provinsi/${code}`), uniqueQuery: true },
  { name: "indicator", paths: () => [1, 3, 12, 23, 37, 42, 47].map((number) => `/indikator/${number}`), uniqueQuery: true },
  { name: "search", paths: () => SEARCH_PATHS, uniqueQuery: true },
  // The read-only API (decision 0028): its largest answers.
  {
    name: "API rankings",
    headers: API_CLIENT_HEADERS,
    // Official figures in their default year (the API refuses a year without figures, the page falls back).
    paths: () => ["/api/v1/rankings?batas=100", "/api/v1/rankings?data=contoh&tahun=2024&batas=100", "/api/v1/rankings?data=contoh&tahun=2023&jenis=kota&batas=100", "/api/v1/rankings?kohort=idsl-2022"],
    uniqueQuery: false,
  },
  { name: "API region", headers: API_CLIENT_HEADERS, paths: (inputs) => inputs.regionCodes.map((code) => `/api/v1/regions/${code}?data=resmi,terverifikasi,contoh`), uniqueQuery: false },
  {
    name: "API practices",
    headers: API_CLIENT_HEADERS,
    paths: (inputs) => ["/api/v1/practices?batas=100", "/api/v1/practices?urut=terbanyak-diadopsi&batas=100", `/api/v1/practices?tag=${encodeURIComponent(inputs.tag)}`, "/api/v1/practices?provinsi=35&hal=2"],
    uniqueQuery: false,
  },
];

/** Pages whose anonymous repeat requests must come within REPEAT_P95_FACTOR of the static file's p95 (issue 18). */
export const REPEAT_TARGET_PAGES = new Set(["rankings", "region", "practice"]);
export const REPEAT_P95_FACTOR = 2;

/** The anonymous public pages the 200 clients read, in proportion to how readers arrive. */
export function publicMixPaths(inputs: BenchInputs): string[] {
  const some = <T>(items: readonly T[], count: number) => items.slice(0, count);
  return [
    "/",
    "/peringkat?tahun=2024",
    "/peringkat?data=contoh&tahun=2024",
    "/peringkat?tahun=2023&provinsi=32",
    "/daerah",
    ...some(inputs.regionCodes, 10).map((code) => `/daerah/${code}`),
    ...some(inputs.regionCodes, 5).map((code) => `/daerah/${code}/benchmark`),
    "/praktik",
    "/praktik?urut=terbanyak-diadopsi",
    ...some(inputs.practiceIds, 10).map((id) => `/praktik/${id}`),
    "/cari?q=perizinan",
    "/cari?q=pengaduan+masyarakat",
  ];
}
