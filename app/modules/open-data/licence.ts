/**
 * The licence of the data IDSL compiles and writes, and the catalog's address (browser-safe: the
 * open-data page shows both). CC BY 4.0, as Satu Data Indonesia portals commonly use: anyone may
 * reuse the data naming IDSL. Quoted official figures and reference sources keep their own terms
 * (../shared/data/SOURCES.md); the page and the feeds say so.
 */
export const DATA_LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

export const CATALOG_PATH = "/data/katalog.jsonld";
