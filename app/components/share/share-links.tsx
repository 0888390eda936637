import { useId, useState, useSyncExternalStore } from "react";
import { useTranslator } from "~/modules/i18n/use-translator";

const noSubscription = () => () => {};

/**
 * Share a page: a WhatsApp link and the page's address in a read-only field to select and copy,
 * both working without JavaScript; when scripts run, a button copies the address in one click.
 * Not printed (the printed page carries its address in the footer).
 */
export function ShareLinks({ url, title, className = "" }: { url: string; title: string; className?: string }) {
  const { t } = useTranslator();
  const fieldId = useId();
  const [copied, setCopied] = useState(false);
  // False on the server and while hydrating (which must match it), then whether this browser can copy.
  const canCopy = useSyncExternalStore(noSubscription, () => navigator.clipboard !== undefined, () => false);
  return (
    <section aria-label={t("share.heading")} className={`flex flex-wrap items-center gap-x-4 gap-y-2 text-sm print:hidden ${className}`}>
      <a href={`https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`} target="_blank" rel="noopener noreferrer external" className="font-semibold">
        {t("share.whatsapp")}
      </a>
      <span className="flex flex-wrap items-center gap-2">
        <label htmlFor={fieldId} className="text-slate-700">
          {t("share.link")}
        </label>
        <input id={fieldId} type="url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} className="w-72 max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-slate-800" />
        {canCopy ? (
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-3 py-1 font-semibold text-brand-700 hover:bg-slate-50"
            onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false))}
          >
            {t("share.copy")}
          </button>
        ) : null}
        <span role="status" className="text-slate-700">
          {copied ? t("share.copied") : ""}
        </span>
      </span>
    </section>
  );
}
