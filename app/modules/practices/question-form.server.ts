import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import { MAX_POST_LENGTH } from "./questions.server";

/** The practice page's small forms: ask, answer, hide/show a post. */
export const questionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("ask"), body: fields.requiredText(MAX_POST_LENGTH) }),
  z.object({ intent: z.literal("answer"), questionId: fields.recordNumber(), body: fields.requiredText(MAX_POST_LENGTH) }),
  z.object({ intent: z.enum(["hide", "show"]), postId: fields.recordNumber() }),
]);
