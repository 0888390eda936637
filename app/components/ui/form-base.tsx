import { Form, type FormProps, useActionData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useId, useRef, useState } from "react";
import { FORM_TOKEN_FIELD } from "~/modules/forms/form-token";
import { useTranslator } from "~/modules/i18n/use-translator";

// Apart from the fields (form.tsx): the header's forms, on every page, need only these, and
// pages whose forms have no labelled fields (the region page's notes) load nothing more.

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-brand-600 aria-[invalid=true]:border-red-700";

/** Whether the form is sending, and which of its buttons sent it (null: Enter in a field). */
const Submitting = createContext<{ pending: boolean; submitterId: string | null }>({ pending: false, submitterId: null });

/** A failed action answers with data that says so; a redirect leaves no action data. */
function succeeded(actionData: unknown): boolean {
  return actionData === undefined || (typeof actionData === "object" && actionData !== null && "ok" in actionData && actionData.ok === true);
}

/**
 * Remix's Form that knows its own submission: while it is in flight its buttons say so and a
 * second submit (a double click, Enter again) is dropped; posts carry the page's one-time form
 * token, so the server also recognizes a replay (see submit-once.server.ts). `resetOnSuccess`
 * empties what was sent once it succeeded; a failed submission keeps the input. Without
 * JavaScript it is a plain form.
 */
export function SubmitForm({ resetOnSuccess = false, onSubmit, children, ...props }: FormProps & { resetOnSuccess?: boolean }) {
  const navigation = useNavigation();
  const actionData = useActionData<unknown>();
  const formToken = useRouteLoaderData<{ formToken?: string | null }>("root")?.formToken;
  const form = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<{ submitterId: string | null } | null>(null);
  const inFlight = useRef(false);
  // The navigation may still be idle in the render right after the submit event: the
  // submission ends when the navigation is idle again after it was not.
  const started = useRef(false);
  const pending = sent !== null && navigation.state !== "idle";

  useEffect(() => {
    if (navigation.state !== "idle") {
      started.current = inFlight.current;
      return;
    }
    if (!started.current) return;
    inFlight.current = false;
    started.current = false;
    setSent(null);
    if (resetOnSuccess && succeeded(actionData)) form.current?.reset();
  }, [navigation.state, actionData, resetOnSuccess]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    inFlight.current = true;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setSent({ submitterId: submitter instanceof HTMLElement ? (submitter.dataset.submitId ?? null) : null });
  };

  const posts = props.method !== undefined && props.method.toLowerCase() === "post";
  return (
    <Form ref={form} {...props} onSubmit={submit} aria-busy={pending || undefined}>
      {posts && formToken ? <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} /> : null}
      <Submitting.Provider value={{ pending, submitterId: sent?.submitterId ?? null }}>{children}</Submitting.Provider>
    </Form>
  );
}

/** Whether the SubmitForm around the caller is sending. */
export function useFormPending(): boolean {
  return useContext(Submitting).pending;
}

const buttonTones = {
  primary: "rounded-md px-4 py-2 font-semibold bg-brand-700 text-white hover:bg-brand-800",
  danger: "rounded-md px-4 py-2 font-semibold bg-red-700 text-white hover:bg-red-800",
  secondary: "rounded-md px-4 py-2 font-semibold bg-white text-brand-800 ring-1 ring-brand-700 hover:bg-brand-50",
};

/**
 * A submit button of a SubmitForm: while its form is sending, the button that sent it reads
 * "Sending…" (or `pendingLabel`) and every button of the form is aria-disabled. `className`
 * replaces the tone's look.
 */
export function SubmitButton({
  children,
  tone = "primary",
  className,
  pendingLabel,
  name,
  value,
  disabled,
}: {
  children: ReactNode;
  tone?: keyof typeof buttonTones;
  className?: string;
  pendingLabel?: string;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslator();
  const { pending, submitterId } = useContext(Submitting);
  const id = useId();
  const sending = pending && (submitterId === null || submitterId === id);
  return (
    <button
      data-submit-id={id}
      type="submit"
      name={name}
      value={value}
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={sending || undefined}
      className={`${className ?? buttonTones[tone]} aria-disabled:cursor-wait aria-disabled:opacity-60`}
    >
      {sending ? (pendingLabel ?? t("formSubmit.sending")) : children}
    </button>
  );
}

export function Alert({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  const tones = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-emerald-300 bg-emerald-50 text-emerald-900",
    info: "border-brand-100 bg-brand-50 text-brand-900",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}
