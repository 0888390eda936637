/**
 * The browser-safe public face of this area (decision 0008): other areas import only this file
 * or index.server.ts. Never re-export a *.server file here: it would pull server code into the browser.
 */
export { APPLICATION_FUNCTIONS, APPLICATION_LIMITS, APPLICATION_TERMS, type ApplicationContent, type ApplicationFunction, type ApplicationTerms } from "./application-content";
export { CATALOG_PAGE_SIZE, type CatalogQuery, catalogSearch, parseCatalogQuery } from "./catalog-query";
