import type { MapClass, MapMetric, ProvinceOnMap } from "~/modules/benchmark/province-map";
import { classLabel } from "~/modules/benchmark/province-map";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

/**
 * Fills of the classes, lightest first, each with its own hatching so that classes differ in
 * pattern as well as colour (readable in greyscale and for colour-blind readers): none, sparse
 * diagonal, dense diagonal, cross-hatch, dense cross-hatch. Frameworks with more bands reuse the last.
 */
const CLASS_STYLES = [
  { fill: "#dbeafe", line: "#1e40af", spacing: 0, cross: false },
  { fill: "#93c5fd", line: "#1e3a8a", spacing: 9, cross: false },
  { fill: "#3b82f6", line: "#1e3a8a", spacing: 5, cross: false },
  { fill: "#1d4ed8", line: "#ffffff", spacing: 7, cross: true },
  { fill: "#1e3a8a", line: "#ffffff", spacing: 4, cross: true },
] as const;

const patternId = (mapClass: number | null) => (mapClass === null ? "peta-tanpa-data" : `peta-kelas-${mapClass}`);

/** A class's fill: its hatched pattern (defined once in the map's <defs>), or the "no data" dots. */
const fillOf = (mapClass: number | null) => `url(#${patternId(mapClass)})`;

function ClassPattern({ mapClass }: { mapClass: number }) {
  const style = CLASS_STYLES[Math.min(mapClass, CLASS_STYLES.length - 1)]!;
  const size = style.spacing || 8;
  return (
    <pattern id={patternId(mapClass)} patternUnits="userSpaceOnUse" width={size} height={size} patternTransform="rotate(45)">
      <rect width={size} height={size} fill={style.fill} />
      {style.spacing > 0 ? <line x1="0" y1="0" x2="0" y2={size} stroke={style.line} strokeWidth="1.5" /> : null}
      {style.cross ? <line x1="0" y1="0" x2={size} y2="0" stroke={style.line} strokeWidth="1.5" /> : null}
    </pattern>
  );
}

/** The "no data" fill: pale grey with dots, unlike every class. */
function NoDataPattern() {
  return (
    <pattern id={patternId(null)} patternUnits="userSpaceOnUse" width="6" height="6">
      <rect width="6" height="6" fill="#f8fafc" />
      <circle cx="3" cy="3" r="1.1" fill="#64748b" />
    </pattern>
  );
}

/** How a province's value reads in words: its title on the map, its link's name, and the table. */
export function useProvinceValue(metric: MapMetric) {
  const { t, formatIndex } = useExtraTranslator();
  return (province: ProvinceOnMap) => {
    if (metric === "praktik") return t("provinceMap.practices", { count: province.practices });
    if (metric === "adopsi") return t("provinceMap.adoptions", { count: province.adoptions });
    return t("provinceMap.meanOf", {
      mean: province.mean === null ? t("provinceMap.noData") : formatIndex(province.mean),
      withData: province.withData,
      regions: province.regions,
    });
  };
}

/**
 * The choropleth: one SVG path per province, drawn on the server (d3-geo never reaches the
 * browser), each a plain link so it works without JavaScript. The legend is HTML beside it.
 */
export function ProvinceMap({
  title,
  width,
  height,
  provinces,
  classes,
  decimals,
  metric,
  hrefOf,
}: {
  title: string;
  width: number;
  height: number;
  provinces: readonly ProvinceOnMap[];
  classes: readonly MapClass[];
  decimals: number;
  metric: MapMetric;
  hrefOf: (code: string) => string;
}) {
  const { t, formatIndex, formatNumber } = useExtraTranslator();
  const valueOf = useProvinceValue(metric);
  const format = (value: number) => (decimals > 0 ? formatIndex(value, decimals) : formatNumber(value));
  const showsNoData = provinces.some((province) => province.mapClass === null);
  return (
    <div className="space-y-3">
      {/* A group, not an image: an image's content is hidden from assistive technology, and its 38 links must not be. */}
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby="peta-judul" aria-describedby="peta-uraian" className="block h-auto w-full rounded-lg border border-slate-200 bg-sky-50">
        <title id="peta-judul">{title}</title>
        <desc id="peta-uraian">{t("provinceMap.mapDescription")}</desc>
        <defs>
          {classes.map((_, index) => (
            <ClassPattern key={index} mapClass={index} />
          ))}
          <NoDataPattern />
        </defs>
        {provinces.map((province) => {
          const label = `${province.name}: ${valueOf(province)}`;
          return (
            // The link's <title> is its accessible name and its tooltip.
            <a key={province.code} href={hrefOf(province.code)} className="group">
              <title>{label}</title>
              <path d={province.path} fill={fillOf(province.mapClass)} stroke="#334155" strokeWidth="0.6" strokeLinejoin="round" className="group-hover:stroke-[2.5] group-focus:stroke-[2.5]" />
            </a>
          );
        })}
      </svg>
      <div>
        <h3 className="text-sm font-semibold">{t("provinceMap.legend")}</h3>
        <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
          {classes.map((mapClass, index) => (
            <li key={index} className="flex items-center gap-2">
              <Swatch mapClass={index} />
              {classLabel(mapClass, decimals, format)}
            </li>
          ))}
          {showsNoData ? (
            <li className="flex items-center gap-2">
              <Swatch mapClass={null} />
              {t("provinceMap.noData")}
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}

/** A legend entry's sample, filled with the map's own pattern (defined in the map's <defs>). */
function Swatch({ mapClass }: { mapClass: number | null }) {
  return (
    <svg width="22" height="16" aria-hidden="true" className="shrink-0">
      <rect x="0.5" y="0.5" width="21" height="15" fill={fillOf(mapClass)} stroke="#334155" />
    </svg>
  );
}
