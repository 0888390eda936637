import type { NoteView } from "~/components/benchmark/figure";
import { inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { useTranslator } from "~/modules/i18n/use-translator";

/**
 * What the page's action sends back about one note form: which form, its error (worded by the
 * server, so the page needs no validation messages of its own), the text kept.
 */
export interface NoteFormResult {
  target: string;
  message: string;
  body: string;
}

export const noteFormTarget = (year: number, kind: string) => `${year}:${kind}`;

/** A region editor's "reply to this figure" form, folded until opened; `framework` names the figure's framework (its slug). */
export function FigureNoteForm({ year, kind, framework, result }: { year: number; kind: string; framework?: string; result: NoteFormResult | undefined }) {
  const { t } = useTranslator();
  const mine = result?.target === noteFormTarget(year, kind) ? result : undefined;
  const id = `note-${year}-${kind}`;
  return (
    <details className="mt-1 text-xs" open={mine !== undefined}>
      <summary className="cursor-pointer font-medium text-brand-700">{t("figures.addNote")}</summary>
      <SubmitForm method="post" className="mt-1 space-y-1" resetOnSuccess>
        <input type="hidden" name="intent" value="tanggapan" />
        <input type="hidden" name="tahun" value={year} />
        <input type="hidden" name="jenis" value={kind} />
        {framework ? <input type="hidden" name="kerangka" value={framework} /> : null}
        <label htmlFor={id} className="sr-only">
          {t("figures.addNote")}
        </label>
        <textarea id={id} name="tanggapan" rows={2} maxLength={600} defaultValue={mine?.body} className={`${inputClass} text-xs`} aria-invalid={mine ? true : undefined} aria-describedby={mine ? `${id}-error` : `${id}-hint`} />
        <p id={`${id}-hint`} className="text-slate-600">
          {t("figures.noteHint")}
        </p>
        {mine ? (
          <p id={`${id}-error`} className="font-medium text-red-700">
            {mine.message}
          </p>
        ) : null}
        <SubmitButton className="rounded bg-brand-700 px-2 py-1 font-semibold text-white disabled:opacity-60">
          {t("figures.signNote")}
        </SubmitButton>
      </SubmitForm>
    </details>
  );
}

/** Under a note: the region's editors may withdraw it, curators hide it (with a reason). */
export function FigureNoteControls({ note, canWithdraw, canHide, result }: { note: NoteView; canWithdraw: boolean; canHide: boolean; result: NoteFormResult | undefined }) {
  const { t } = useTranslator();
  const mine = result?.target === `note:${note.id}` ? result : undefined;
  return (
    <span className="mt-1 flex flex-wrap items-start gap-2">
      {canWithdraw ? (
        <SubmitForm method="post">
          <input type="hidden" name="intent" value="tarik" />
          <input type="hidden" name="catatan" value={note.id} />
          <SubmitButton className="text-brand-800 underline">
            {t("figures.withdrawNote")}
          </SubmitButton>
        </SubmitForm>
      ) : null}
      {canHide ? (
        <SubmitForm method="post" className="flex flex-wrap items-start gap-1">
          <input type="hidden" name="intent" value="sembunyikan" />
          <input type="hidden" name="catatan" value={note.id} />
          <label className="sr-only" htmlFor={`hide-${note.id}`}>
            {t("figures.hideReason")}
          </label>
          <input id={`hide-${note.id}`} name="alasan" placeholder={t("figures.hideReason")} maxLength={500} className="rounded border border-slate-400 px-1" aria-invalid={mine ? true : undefined} />
          <SubmitButton className="text-red-800 underline">
            {t("figures.hideNote")}
          </SubmitButton>
          {mine ? <span className="w-full font-medium text-red-700">{mine.message}</span> : null}
        </SubmitForm>
      ) : null}
    </span>
  );
}
