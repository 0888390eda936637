/** Any path no other route matches: the root error boundary renders a localized 404. */
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
