import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import { REGION_CODE_PATTERN } from "../regions/index.server";

export const adoptionFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("record"),
    sourceRegionCode: z.string().regex(REGION_CODE_PATTERN, "regionUnknown"),
    sourcePracticeId: z
      .string()
      .regex(/^\d{0,9}$/, "practiceUnknown")
      .transform((value) => (value === "" ? null : Number(value))),
    note: fields.optionalText(1000),
  }),
  z.object({ intent: z.literal("remove") }),
]);
