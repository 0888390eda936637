import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { drawGroupedBarChart, type GroupedBarChartProps } from "./bar-chart.server";
import { ChartFrame, type DrawnChart } from "./chart-frame";
import { drawLineChart, type LineChartProps } from "./line-chart.server";

// The same formatter the app uses for Indonesian index values: two decimals, decimal comma.
const formatIndonesian = (n: number) =>
  new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

const lineProps: LineChartProps = {
  id: "trend",
  title: "Indeks SPBE Kabupaten Sumedang 2018–2024",
  description: "Indeks naik dari 2,10 pada 2018 menjadi 3,81 pada 2024.",
  series: [
    {
      name: "Kabupaten Sumedang",
      points: [
        { x: 2018, y: 2.1 },
        { x: 2019, y: 2.45 },
        { x: 2020, y: null },
        { x: 2021, y: 3.2 },
        { x: 2022, y: 3.5 },
        { x: 2023, y: 3.66 },
        { x: 2024, y: 3.81 },
      ],
    },
    {
      name: "Rata-rata nasional",
      tone: "muted",
      points: [
        { x: 2018, y: 1.98 },
        { x: 2019, y: 2.18 },
        { x: 2021, y: 2.3 },
        { x: 2022, y: 2.61 },
        { x: 2023, y: 2.7 },
        { x: 2024, y: 2.79 },
      ],
    },
  ],
  yDomain: [0, 5],
  xLabel: "Tahun",
  yLabel: "Indeks SPBE",
  formatValue: formatIndonesian,
  formatTick: (n) => String(n),
  tableLabel: "Tampilkan sebagai tabel",
  noDataLabel: "Tidak ada data",
};

const barProps: GroupedBarChartProps = {
  id: "domains",
  title: "Indeks per domain, 2024",
  description: "Sumedang di atas rata-rata kelompok pada semua domain.",
  categories: [
    "Kebijakan Internal SPBE",
    "Tata Kelola SPBE",
    "Manajemen SPBE",
    "Layanan Administrasi Pemerintahan Berbasis Elektronik dan Layanan Publik Berbasis Elektronik",
  ],
  series: [
    { name: "Kabupaten Sumedang", values: [3.81, 3.2, 2.9, 4.1] },
    { name: "Rata-rata kelompok", values: [2.5, 2.4, 2.1, 3.0] },
    { name: "Terbaik di kelompok", values: [4.2, 4.0, 3.6, 4.5] },
  ],
  valueDomain: [0, 5],
  categoryLabel: "Domain",
  valueLabel: "Indeks",
  formatValue: formatIndonesian,
  tableLabel: "Tampilkan sebagai tabel",
  noDataLabel: "Tidak ada data",
};

/**
 * A drawn chart as the page shows it: through JSON, as loader data travels to the browser, then
 * in ChartFrame.
 */
function show<Detail>(chart: DrawnChart<Detail>, renderDetail?: (detail: Detail) => ReactNode): string {
  const loaderData = JSON.parse(JSON.stringify(chart)) as DrawnChart<Detail>;
  return renderToStaticMarkup(<ChartFrame chart={loaderData} renderDetail={renderDetail} />);
}

function count(markup: string, pattern: RegExp): number {
  return markup.match(new RegExp(pattern.source, "g"))?.length ?? 0;
}

/** The table's body rows, each as its cell texts (row header first). */
function tableRows(markup: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/.exec(markup)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1] ?? ""),
  );
}

/** Checks the SVG is an image named by its own <title> and described by its own <desc>. */
function expectAccessibleSvg(markup: string, title: string, description: string) {
  const svg = /<svg role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/.exec(markup);
  expect(svg).not.toBeNull();
  const [, titleId, descId] = svg!;
  expect(markup).toContain(`<title id="${titleId}">${title}</title>`);
  expect(markup).toContain(`<desc id="${descId}">${description}</desc>`);
  expect(titleId).not.toBe(descId);
}

describe("LineChart", () => {
  it("renders an accessible SVG image with a caption", () => {
    const markup = show(drawLineChart(lineProps));
    expectAccessibleSvg(markup, lineProps.title, lineProps.description);
    expect(markup).toContain(`<figcaption class="font-semibold text-slate-900">${lineProps.title}</figcaption>`);
    expect(markup).toContain('viewBox="0 0 640 320"');
    expect(markup).toContain('width="100%"');
  });

  it("draws one path per series, without NaN even across gaps", () => {
    const markup = show(drawLineChart(lineProps));
    expect(count(markup, /<path /)).toBe(2);
    expect(markup).not.toContain("NaN");
    // The null in 2020 splits the first line into two segments (two move-to commands).
    const firstPath = /<path [^>]*d="([^"]*)"/.exec(markup)?.[1] ?? "";
    expect(count(firstPath, /M/)).toBe(2);
  });

  it("marks each known value with a tooltip and skips missing ones", () => {
    const markup = show(drawLineChart(lineProps));
    expect(markup).toContain("<title>Kabupaten Sumedang, 2024: 3,81</title>");
    expect(markup).not.toContain("Kabupaten Sumedang, 2020");
    // 6 markers for the region (2020 missing) and 6 for the national average.
    expect(count(markup, /<title>(Kabupaten Sumedang|Rata-rata nasional), \d{4}:/)).toBe(12);
  });

  it("offers the same data as a table with one row per year", () => {
    const markup = show(drawLineChart(lineProps));
    expect(markup).toContain("<summary");
    expect(markup).toContain(`<caption class="sr-only">${lineProps.title}</caption>`);
    expect(markup).toContain('<th scope="col" class="py-1 pr-4 font-semibold">Tahun</th>');
    const rows = tableRows(markup);
    expect(rows.map((row) => row[0])).toEqual(["2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(rows[2]).toEqual(["2020", "Tidak ada data", "Tidak ada data"]);
    expect(rows[6]).toEqual(["2024", "3,81", "2,79"]);
    expect(markup).toContain('<th scope="row"');
  });

  it("labels years without thousands separators and uses the tick formatter", () => {
    const markup = show(drawLineChart(lineProps));
    expect(markup).toContain(">2024</text>");
    expect(markup).not.toContain("2.024");
    expect(markup).toContain(">5</text>");
  });

  it("renders an empty chart without NaN", () => {
    const markup = show(drawLineChart({ ...lineProps, series: [] }));
    expect(markup).not.toContain("NaN");
    expect(tableRows(markup)).toEqual([]);
  });

  it("renders a series of only missing values without NaN", () => {
    const markup = show(drawLineChart({ ...lineProps, series: [{ name: "Kosong", points: [{ x: 2023, y: null }, { x: 2024, y: null }] }] }));
    expect(markup).not.toContain("NaN");
    expect(count(markup, /<path /)).toBe(1);
  });

  it("renders the same markup for the same props", () => {
    expect(show(drawLineChart(lineProps))).toBe(show(drawLineChart(lineProps)));
  });

  it("draws official figures solid with filled circles and each other kind dashed with its own hollow marker", () => {
    const sample = { name: "Kabupaten Sumedang (Data contoh)", kind: "sample" as const, tone: "primary" as const, points: [{ x: 2023, y: 3.5 }, { x: 2024, y: 3.6 }] };
    const verified = { name: "Kabupaten Sumedang (Tingkat terverifikasi)", kind: "verified" as const, tone: "primary" as const, points: [{ x: 2023, y: 3.4 }] };
    const markup = show(drawLineChart({ ...lineProps, series: [lineProps.series[0]!, sample, verified] }));
    const paths = [...markup.matchAll(/<path [^>]*>/g)].map((path) => path[0]);
    expect(paths[0]).not.toContain("stroke-dasharray");
    expect(paths[1]).toContain('stroke-dasharray="2 3"');
    expect(paths[2]).toContain('stroke-dasharray="8 4"');
    expect(count(markup, /class="visx-circle fill-brand-700 stroke-white"/)).toBe(6 + 1);
    // Sample points are hollow diamonds, verified ones hollow squares (polygons either way).
    expect(count(markup, /class="visx-polygon fill-white stroke-brand-700"/)).toBe(2 + 1 + 2);
    expect(markup).toContain("Kabupaten Sumedang (Data contoh)");
  });

  it("puts what a point says about itself (its source) beside its value in the table", () => {
    const source = { href: "https://eljabar.com/x", site: "eljabar.com" };
    const series = [{ name: "Kabupaten Sumedang", points: [{ x: 2023, y: null, detail: source }, { x: 2024, y: 4.51, detail: source }] }];
    const rows = tableRows(show(drawLineChart({ ...lineProps, series }), (detail) => <a href={detail.href}>{detail.site}</a>));
    // Without a value the detail stands alone (it may say why there is none).
    expect(rows[0]).toEqual(["2023", '<a href="https://eljabar.com/x">eljabar.com</a>']);
    expect(rows[1]).toEqual(["2024", '4,51 <a href="https://eljabar.com/x">eljabar.com</a>']);
  });
});

describe("GroupedBarChart", () => {
  it("renders an accessible SVG image", () => {
    const markup = show(drawGroupedBarChart(barProps));
    expectAccessibleSvg(markup, barProps.title, barProps.description);
    expect(markup).not.toContain("NaN");
  });

  it("draws one bar per category and series, each with its value label", () => {
    const markup = show(drawGroupedBarChart(barProps));
    expect(count(markup, /<rect [^>]*class="visx-bar /)).toBe(4 * 3);
    expect(markup).toContain(">3,81</text>");
    expect(markup).toContain("<title>Terbaik di kelompok, Tata Kelola SPBE: 4,00</title>");
  });

  it("draws no bar for a missing value but says so", () => {
    const series = [{ name: "Kabupaten Sumedang", values: [3.81, null, 2.9, 4.1] }];
    const markup = show(drawGroupedBarChart({ ...barProps, series }));
    expect(count(markup, /<rect [^>]*class="visx-bar /)).toBe(3);
    expect(markup).toContain(">Tidak ada data</text>");
    expect(markup).not.toContain("NaN");
  });

  it("wraps long category labels and truncates very long ones", () => {
    const markup = show(drawGroupedBarChart(barProps));
    // Short labels stay on one line.
    expect(markup).toMatch(/<text [^>]*><tspan [^>]*>Tata Kelola SPBE<\/tspan><\/text>/);
    // The long label keeps three lines, ends in an ellipsis and keeps its full text as a tooltip.
    const longLabel = barProps.categories[3]!;
    const label = new RegExp(`<text [^>]*><title>${longLabel}</title>((?:<tspan [^>]*>[^<]*</tspan>)+)</text>`).exec(markup);
    expect(label).not.toBeNull();
    expect(count(label![1]!, /<tspan /)).toBe(3);
    expect(label![1]).toContain("…</tspan>");
  });

  it("offers the same data as a table with one row per category", () => {
    const markup = show(drawGroupedBarChart(barProps));
    const rows = tableRows(markup);
    expect(rows.map((row) => row[0])).toEqual(barProps.categories);
    expect(rows[0]).toEqual(["Kebijakan Internal SPBE", "3,81", "2,50", "4,20"]);
    expect(markup).toContain('<th scope="col" class="py-1 pr-4 text-right font-semibold">Rata-rata kelompok</th>');
  });

  it("renders the same markup for the same props", () => {
    expect(show(drawGroupedBarChart(barProps))).toBe(show(drawGroupedBarChart(barProps)));
  });

  it("hatches the bars of figures that are not official, in the legend too", () => {
    const series = barProps.series.map((entry) => ({ ...entry, kind: "sample" as const }));
    const markup = show(drawGroupedBarChart({ ...barProps, series: [barProps.series[0]!, ...series.slice(1)] }));
    const patterns = [...markup.matchAll(/<pattern id="([^"]+)"/g)].map((match) => match[1]);
    expect(patterns).toHaveLength(2);
    expect(count(markup, new RegExp(`fill="url\\(#${patterns[0]}\\)"`))).toBe(4 + 1);
    expect(count(markup, /<rect [^>]*class="visx-bar fill-brand-700"/)).toBe(4);
  });
});
