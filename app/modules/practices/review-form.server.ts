import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import { REVIEW_DECISIONS } from "./workflow";

/** A decision on the review page; asking for changes needs a comment saying which. */
export const reviewFormSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, "decisionNotAllowed"),
    comment: fields.optionalText(10_000),
    version: fields.recordNumber(),
  })
  .superRefine((input, context) => {
    if ((input.decision === "comment" || input.decision === "request_changes") && input.comment === "") {
      context.addIssue({ code: "custom", path: ["comment"], message: "required" });
    }
  });
