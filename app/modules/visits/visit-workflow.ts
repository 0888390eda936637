/**
 * The study visit's state machine, browser-safe so pages offer only the steps that are possible.
 *
 *   requested ──accept──────────▶ accepted ──complete──▶ completed
 *       │ ╲──proposeDates──▶ dates_proposed ──acceptDates──▶ accepted
 *       │                        │                             │
 *       ├──decline──▶ declined   │ (the host may still decline) └──cancel──▶ cancelled (the host, with a reason)
 *       └──withdraw──▶ withdrawn ◀── (the requester, from any open or accepted state)
 */
export const VISIT_STATUSES = ["requested", "dates_proposed", "accepted", "declined", "withdrawn", "completed", "cancelled"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Who acts on a visit: the host region's editors, or the visiting region (its editors, the requester). */
export type VisitSide = "host" | "visitor";

export const VISIT_STEPS = ["accept", "proposeDates", "decline", "acceptDates", "withdraw", "complete", "cancel"] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];

interface Transition {
  side: VisitSide;
  from: readonly VisitStatus[];
  to: VisitStatus;
}

const TRANSITIONS: Record<VisitStep, Transition> = {
  accept: { side: "host", from: ["requested"], to: "accepted" },
  proposeDates: { side: "host", from: ["requested", "dates_proposed"], to: "dates_proposed" },
  decline: { side: "host", from: ["requested", "dates_proposed"], to: "declined" },
  acceptDates: { side: "visitor", from: ["dates_proposed"], to: "accepted" },
  withdraw: { side: "visitor", from: ["requested", "dates_proposed", "accepted"], to: "withdrawn" },
  // What was learned is recorded once the visit has begun (see canComplete).
  complete: { side: "visitor", from: ["accepted", "completed"], to: "completed" },
  // An emergency on the host's side after it agreed: the visiting region must not travel.
  cancel: { side: "host", from: ["accepted"], to: "cancelled" },
};

/** The status a step leads to, or null when `side` may not take it from `status`. */
export function nextStatus(status: VisitStatus, step: VisitStep, side: VisitSide): VisitStatus | null {
  const transition = TRANSITIONS[step];
  return transition.side === side && transition.from.includes(status) ? transition.to : null;
}

/**
 * The steps `sides` may take now. Recording what was learned waits until the visit's first day
 * (`today` and `startDate` as YYYY-MM-DD in Jakarta time); withdrawing an accepted visit ends then.
 * The host may cancel until the first day itself, for an emergency on the morning of the visit.
 */
export function availableSteps(visit: { status: VisitStatus; startDate: string }, sides: readonly VisitSide[], today: string): VisitStep[] {
  const begun = visit.startDate <= today;
  return VISIT_STEPS.filter((step) => {
    if (!sides.some((side) => nextStatus(visit.status, step, side) !== null)) return false;
    if (step === "complete") return begun;
    if (step === "withdraw" && visit.status === "accepted") return !begun;
    if (step === "cancel") return today <= visit.startDate;
    return true;
  });
}

/**
 * Accepted and completed visits are public (without contact data); the others only to both
 * regions. A visit the host cancelled or the visiting region withdrew after both had agreed
 * (`agreed`: it was accepted once) was public while accepted and stays so: its calendar file
 * then removes it from the calendars it was added to.
 */
export function isPublicVisit(visit: { status: VisitStatus; agreed: boolean }): boolean {
  const { status, agreed } = visit;
  return status === "accepted" || status === "completed" || status === "cancelled" || (status === "withdrawn" && agreed);
}

/** Requests waiting for an answer: the host's or, after it proposed dates, the requester's. */
export function isOpenVisit(status: VisitStatus): boolean {
  return status === "requested" || status === "dates_proposed";
}
