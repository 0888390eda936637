import { TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/modules/forms/form-data";

// Apart from visit-parts: the region page lists visits and should not download the fields.
/** Start and end of a visit, as date inputs (YYYY-MM-DD whatever the browser shows). */
export function VisitDateFields({ idPrefix = "", values, errors, labels }: { idPrefix?: string; values: { startDate?: string; endDate?: string }; errors: FieldErrors; labels: { start: string; end: string } }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField type="date" id={`${idPrefix}startDate`} name="startDate" label={labels.start} defaultValue={values.startDate} error={errors.startDate} />
      <TextField type="date" id={`${idPrefix}endDate`} name="endDate" label={labels.end} defaultValue={values.endDate} error={errors.endDate} />
    </div>
  );
}
