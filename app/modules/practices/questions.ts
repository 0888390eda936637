import { parseRecordNumber } from "../forms/form-data";

/** Questions per page, and answers shown under each before "all answers". */
export const QUESTIONS_PER_PAGE = 10;
export const ANSWERS_SHOWN = 3;
export const ANSWERS_PER_PAGE = 20;
/** Lists show this much of a post; its own page shows all of it. */
export const EXCERPT_LENGTH = 1000;

/** Which part of a practice's questions a page shows: a page of questions, or one question's answers. */
export type QuestionsView = { page: number; questionId: null } | { page: number; questionId: number };

/** `?tanya=2` is the second page of questions; `?pertanyaan=7&jawaban=2` the second page of question 7's answers. */
export function parseQuestionsView(params: URLSearchParams): QuestionsView {
  const questionId = parseRecordNumber(params.get("pertanyaan"));
  const page = parseRecordNumber(params.get(questionId === null ? "tanya" : "jawaban")) || 1;
  // Far past any real page, and small enough that offsets stay ordinary integers.
  return { page: Math.min(page, 100_000), questionId };
}
