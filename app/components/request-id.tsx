import { useLocation } from "@remix-run/react";
import { createContext, useContext } from "react";

/**
 * The id of the request that rendered the document (decision 0030), for the error page to show
 * so a user can quote it. It belongs to the document's own address only: an error met later,
 * while navigating in the browser, came from another request, whose id is not known here.
 */
interface DocumentRequest {
  id: string;
  /** Path and query of the document request. */
  path: string;
}

const RequestIdContext = createContext<DocumentRequest | null>(null);

/** Server rendering: entry.server.tsx provides the request's id and address. */
export const RequestIdProvider = RequestIdContext.Provider;

/** Marks the element holding the id, so the browser can read it back. */
export const REQUEST_ID_ATTRIBUTE = "data-request-id";

/**
 * In the browser, what the server rendered: route modules load before hydration, so the error
 * page is read here while it is still the server's, and hydration renders the same id.
 */
function renderedRequest(): DocumentRequest | null {
  if (typeof document === "undefined") return null;
  const id = document.querySelector(`[${REQUEST_ID_ATTRIBUTE}]`)?.getAttribute(REQUEST_ID_ATTRIBUTE);
  return id ? { id, path: `${window.location.pathname}${window.location.search}` } : null;
}

const documentRequest = renderedRequest();

/** The request id of the page shown, when the server rendered this very address. */
export function useRequestId(): string | null {
  const request = useContext(RequestIdContext) ?? documentRequest;
  const location = useLocation();
  return request && request.path === `${location.pathname}${location.search}` ? request.id : null;
}
