import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField } from "~/components/ui/form";
import type { FieldErrors } from "~/modules/forms/form-data";
import { useTranslator } from "~/modules/i18n/use-translator";
import { Pagination } from "~/components/ui/pagination";
import { ANSWERS_PER_PAGE, QUESTIONS_PER_PAGE, type QuestionsView } from "~/modules/practices/questions";
import type { PracticePost, QuestionPage } from "~/modules/practices/questions.server";

export type QuestionFormResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

interface Viewer {
  signedIn: boolean;
  canAsk: boolean;
  canAnswer: boolean;
  canModerate: boolean;
}

/** Where a link in the questions section goes: this practice's page with the section's query, at the section. */
const sectionHref = (query: string) => `?${query}#tanya-jawab`;

/**
 * Peer questions and the region's answers, a page at a time (newest questions first, long posts
 * shortened, a few answers each with a link to all of them); curators can hide abusive posts.
 */
export function PracticeQuestions({
  page,
  view,
  viewer,
  result,
}: {
  page: QuestionPage;
  view: QuestionsView;
  viewer: Viewer;
  result?: QuestionFormResult;
}) {
  const { t, formatNumber } = useTranslator();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const sent = searchParams.get("terkirim");
  const failedIntent = result?.values.intent;
  const failedQuestion = result?.values.questionId;
  const focused = view.questionId !== null ? page.questions[0] : null;

  return (
    <section id="tanya-jawab" aria-labelledby="tanya-jawab-heading">
      <h2 id="tanya-jawab-heading" className="text-xl font-bold">
        {t("questions.title")}
      </h2>
      {sent === "ask" || sent === "answer" ? (
        <div className="mt-2">
          <Alert tone="success">{t(sent === "ask" ? "questions.asked" : "questions.answered")}</Alert>
        </div>
      ) : null}
      {view.questionId !== null ? (
        <p className="mt-2 text-sm">
          <Link to={sectionHref("")}>{t("questions.backToAll")}</Link>
        </p>
      ) : page.total === 0 ? (
        <p className="mt-2 text-slate-600">{t("questions.none")}</p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("questions.count", { count: page.total, formatted: formatNumber(page.total) })}</p>
      )}
      {view.questionId !== null && !focused ? <p className="mt-2 text-slate-600">{t("questions.notFound")}</p> : null}
      <ol className="mt-4 space-y-4">
        {page.questions.map((question) => (
          <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Post post={question} canModerate={viewer.canModerate} label={t("questions.question")} fullHref={sectionHref(`pertanyaan=${question.id}`)} />
            {question.answers.length > 0 ? (
              <ol className="mt-3 space-y-3 border-l-4 border-brand-100 pl-4">
                {question.answers.map((answer) => (
                  <li key={answer.id}>
                    <Post post={answer} canModerate={viewer.canModerate} label={t("questions.answer")} fullHref={sectionHref(`pertanyaan=${question.id}`)} />
                  </li>
                ))}
              </ol>
            ) : null}
            {view.questionId === null && question.answerCount > question.answers.length ? (
              <p className="mt-2 text-sm">
                <Link to={sectionHref(`pertanyaan=${question.id}`)}>{t("questions.allAnswers", { count: question.answerCount, formatted: formatNumber(question.answerCount) })}</Link>
              </p>
            ) : null}
            {focused ? (
              <Pagination
                page={view.page}
                pageCount={Math.ceil(question.answerCount / ANSWERS_PER_PAGE)}
                hrefFor={(answerPage) => sectionHref(`pertanyaan=${question.id}&jawaban=${answerPage}`)}
                label={t("questions.answerPages")}
              />
            ) : null}
            {viewer.canAnswer && !question.hidden ? (
              <SubmitForm method="post" className="mt-3 space-y-2" resetOnSuccess>
                <input type="hidden" name="intent" value="answer" />
                <input type="hidden" name="questionId" value={question.id} />
                <TextAreaField
                  name="body"
                  id={`answer-${question.id}`}
                  label={t("questions.answerLabel")}
                  rows={3}
                  defaultValue={failedIntent === "answer" && failedQuestion === String(question.id) ? result?.values.body : undefined}
                  error={failedIntent === "answer" && failedQuestion === String(question.id) ? result?.errors.body : undefined}
                />
                <SubmitButton className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t("questions.answerButton")}</SubmitButton>
              </SubmitForm>
            ) : null}
          </li>
        ))}
      </ol>
      {view.questionId === null ? (
        <Pagination page={view.page} pageCount={Math.ceil(page.total / QUESTIONS_PER_PAGE)} hrefFor={(questionPage) => sectionHref(`tanya=${questionPage}`)} label={t("questions.pages")} />
      ) : null}
      {viewer.canAsk ? (
        <SubmitForm method="post" className="mt-6 space-y-3" resetOnSuccess>
          <input type="hidden" name="intent" value="ask" />
          <TextAreaField
            name="body"
            id="ask-body"
            label={t("questions.askLabel")}
            hint={t("questions.askHint")}
            rows={4}
            defaultValue={failedIntent === "ask" ? result?.values.body : undefined}
            error={failedIntent === "ask" ? result?.errors.body : undefined}
          />
          <SubmitButton>{t("questions.askButton")}</SubmitButton>
        </SubmitForm>
      ) : !viewer.signedIn ? (
        <p className="mt-4">
          <Link to={`/masuk?redirectTo=${encodeURIComponent(`${location.pathname}#tanya-jawab`)}`}>{t("questions.signInToAsk")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Post({ post, canModerate, label, fullHref }: { post: PracticePost; canModerate: boolean; label: string; fullHref: string }) {
  const { t, formatDate } = useTranslator();
  return (
    <div>
      <p className="text-sm text-slate-600">
        <span className="font-semibold text-slate-800">{label}</span>
        {post.authorName ? ` · ${post.authorName}` : null} · {formatDate(post.createdAt)}
        {post.hidden ? ` · ${t("questions.hidden")}` : null}
      </p>
      {post.body !== null ? (
        <p className={`mt-1 whitespace-pre-line ${post.hidden ? "text-slate-500 line-through" : ""}`}>
          {post.body}
          {post.truncated ? (
            <>
              {" "}
              <Link to={fullHref}>{t("questions.readMore")}</Link>
            </>
          ) : null}
        </p>
      ) : (
        <p className="mt-1 italic text-slate-500">{t("questions.hiddenBody")}</p>
      )}
      {canModerate ? (
        <SubmitForm method="post" className="mt-1">
          <input type="hidden" name="intent" value={post.hidden ? "show" : "hide"} />
          <input type="hidden" name="postId" value={post.id} />
          <SubmitButton className="text-sm font-semibold text-red-700 underline">{post.hidden ? t("questions.show") : t("questions.hide")}</SubmitButton>
        </SubmitForm>
      ) : null}
    </div>
  );
}
