import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { Alert, TextAreaField } from "~/components/ui/form";
import type { FieldErrors } from "~/modules/forms/form-data";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { PracticeQuestion } from "~/modules/practices/questions.server";

export type QuestionFormResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

interface Viewer {
  signedIn: boolean;
  canAsk: boolean;
  canAnswer: boolean;
  canModerate: boolean;
}

/** Peer questions and the region's answers; curators can hide abusive posts. */
export function PracticeQuestions({ questions, viewer, result }: { questions: PracticeQuestion[]; viewer: Viewer; result?: QuestionFormResult }) {
  const { t } = useTranslator();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const sent = searchParams.get("terkirim");
  const failedIntent = result?.values.intent;
  const failedQuestion = result?.values.questionId;

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
      {questions.length === 0 ? <p className="mt-2 text-slate-600">{t("questions.none")}</p> : null}
      <ol className="mt-4 space-y-4">
        {questions.map((question) => (
          <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Post post={question} canModerate={viewer.canModerate} label={t("questions.question")} />
            {question.answers.length > 0 ? (
              <ol className="mt-3 space-y-3 border-l-4 border-brand-100 pl-4">
                {question.answers.map((answer) => (
                  <li key={answer.id}>
                    <Post post={answer} canModerate={viewer.canModerate} label={t("questions.answer")} />
                  </li>
                ))}
              </ol>
            ) : null}
            {viewer.canAnswer && !question.hidden ? (
              <Form method="post" className="mt-3 space-y-2">
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
                <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
                  {t("questions.answerButton")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {viewer.canAsk ? (
        <Form method="post" className="mt-6 space-y-3">
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
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("questions.askButton")}
          </button>
        </Form>
      ) : !viewer.signedIn ? (
        <p className="mt-4">
          <Link to={`/masuk?redirectTo=${encodeURIComponent(`${location.pathname}#tanya-jawab`)}`}>{t("questions.signInToAsk")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Post({ post, canModerate, label }: { post: PracticeQuestion["answers"][number]; canModerate: boolean; label: string }) {
  const { t, formatDate } = useTranslator();
  return (
    <div>
      <p className="text-sm text-slate-600">
        <span className="font-semibold text-slate-800">{label}</span>
        {post.authorName ? ` · ${post.authorName}` : null} · {formatDate(post.createdAt)}
        {post.hidden ? ` · ${t("questions.hidden")}` : null}
      </p>
      {post.body !== null ? (
        <p className={`mt-1 whitespace-pre-line ${post.hidden ? "text-slate-500 line-through" : ""}`}>{post.body}</p>
      ) : (
        <p className="mt-1 italic text-slate-500">{t("questions.hiddenBody")}</p>
      )}
      {canModerate ? (
        <Form method="post" className="mt-1">
          <input type="hidden" name="intent" value={post.hidden ? "show" : "hide"} />
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="text-sm font-semibold text-red-700 underline">
            {post.hidden ? t("questions.show") : t("questions.hide")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
