import type { ReactNode } from "react";

/** A centred single-column page for forms such as sign-in. */
export function NarrowPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-2xl font-bold">{title}</h1>
      {lead ? <p className="mt-2 text-slate-700">{lead}</p> : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </div>
  );
}
