import { useLocation } from "@remix-run/react";
import { createContext, useContext } from "react";

/**
 * The id of the request that rendered the document (decision 0030), for the error page to show
 * so a user can quote it. The server knows it; the browser reads it back from the error page
 * before hydrating (entry.client.tsx). It belongs to the document's own address only: an error
 * met later, while navigating in the browser, came from another request.
 */
interface DocumentRequest {
  id: string;
  /** Path and query of the document request. */
  path: string;
}

const RequestIdContext = createContext<DocumentRequest | null>(null);

export const RequestIdProvider = RequestIdContext.Provider;

/** Marks the element holding the id, so the browser can read it back. */
export const REQUEST_ID_ATTRIBUTE = "data-request-id";

/** The request id of the page shown, when the server rendered this very address. */
export function useRequestId(): string | null {
  const request = useContext(RequestIdContext);
  const location = useLocation();
  return request && request.path === `${location.pathname}${location.search}` ? request.id : null;
}
