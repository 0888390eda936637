import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { createInvitation } from "../../app/modules/auth/invitations.server";
import { createOneTimeLink } from "../../app/modules/auth/one-time-links.server";
import type { Role } from "../../app/modules/auth/roles";
import { createSession } from "../../app/modules/auth/sessions.server";
import { addFigureNote } from "../../app/modules/benchmark/figure-notes.server";
import { submitLevels } from "../../app/modules/benchmark/level-submissions.server";
import { db } from "../../app/modules/db.server";
import { getFrameworkTree, SPBE_2020 } from "../../app/modules/frameworks/frameworks.server";
import { uploadAttachment } from "../../app/modules/practices/attachments.server";
import { createPractice } from "../../app/modules/practices/index.server";
import { answerQuestion, askQuestion } from "../../app/modules/practices/questions.server";
import { createSignedInUser } from "../support/http-app";
import { practiceContent, publishPractice } from "../support/practice-factory";

export const REGION = "32.11";
const ip = "127.0.0.1";
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export type Visitor = { role: Role | "anonymous"; id: number | null; regionCode: string | null; cookie: string | null };

/**
 * Content every form of the site can act on: a published practice with a question, an answer
 * and an attachment, a draft, a level report waiting for a curator, a figure note, an
 * invitation and one-time links; and one signed-in visitor per role.
 */
export async function seedHostileFixtures() {
  const [member, editor, curator, admin] = await Promise.all([
    createSignedInUser("member", REGION),
    createSignedInUser("editor", REGION),
    createSignedInUser("curator"),
    createSignedInUser("admin"),
  ]);
  const actor = (user: { id: number }, role: Role) => ({ id: user.id, role, regionCode: role === "member" || role === "editor" ? REGION : null });
  const published = await publishPractice(practiceContent({ title: "Praktik uji masukan", tags: ["uji"] }), { editor: actor(editor, "editor"), curator: actor(curator, "curator") });
  await askQuestion({ practiceId: published, body: "Berapa biaya penerapannya?", actor: actor(member, "member"), ip });
  const question = (await db().query.practicePosts.findFirst({ where: (posts, { eq: equals }) => equals(posts.practiceId, published) }))!;
  await answerQuestion({ practiceId: published, questionId: question.id, body: "Sekitar Rp 1.200.000.", actor: actor(editor, "editor") });
  await uploadAttachment({ practiceId: published, baseVersion: 2, fileName: "bukti.png", bytes: PNG, actorId: editor.id, ip });
  await createPractice({ regionCode: REGION, content: practiceContent({ title: "Draf praktik uji" }), submit: false, actorId: editor.id, ip });
  await createPractice({ regionCode: REGION, content: practiceContent({ title: "Praktik uji menunggu tinjauan" }), submit: true, actorId: editor.id, ip });

  const tree = await getFrameworkTree(SPBE_2020);
  const submitted = await submitLevels({
    regionCode: REGION,
    year: 2023,
    levels: new Map([...tree.indicatorsById.keys()].map((id) => [id, 3])),
    reportedIndex: 3,
    note: "",
    report: { fileName: "LHE 2023.pdf", bytes: PDF },
    actorId: editor.id,
    ip,
  });
  if (!submitted.ok) throw new Error(`level report fixture refused: ${JSON.stringify(submitted.errors)}`);
  await addFigureNote({ regionCode: REGION, year: 2024, kind: "official", body: "Banding sedang diajukan.", actor: actor(editor, "editor"), ip });

  const invitation = await createInvitation({ email: "undangan.uji@contoh.go.id", role: "member", regionCode: REGION, invitedById: admin.id, ip });
  if (!invitation.ok || invitation.path === null) throw new Error("invitation fixture refused");
  const setPassword = await createOneTimeLink({ userId: member.id, purpose: "set_password", createdById: admin.id });

  const people = { member, editor, curator, admin };
  const visitors: Visitor[] = [
    { role: "anonymous", id: null, regionCode: null, cookie: null },
    ...(Object.entries(people) as [Role, (typeof people)[keyof typeof people]][]).map(([role, user]) => ({
      role,
      id: user.id,
      regionCode: role === "member" || role === "editor" ? REGION : null,
      cookie: user.cookie,
    })),
  ];
  const seeds = [
    ...["/", "/masuk", invitation.path, setPassword, "/akun", "/praktik/kelola", "/admin", "/admin/undangan", "/admin/pengguna", "/admin/audit"],
    ...["/kurasi/impor-spbe", "/kurasi/level-resmi", "/kurasi/tanggapan", `/daerah/${REGION}`, `/daerah/${REGION}/ubah`, `/daerah/${REGION}/level-resmi`],
    ...[`/daerah/${REGION}/penilaian-mandiri`, `/praktik/${published}`, `/praktik/${published}/adopsi?daerah=33.16`, "/praktik/baru", "/kelompok", "/bandingkan", "/peta"],
    // Pages with downloads, with a query, so their .csv/.xlsx links are attacked with every parameter they keep.
    ...["/peringkat?tahun=2024&provinsi=32&urut=nama", `/bandingkan?daerah=${REGION},35.10&tahun=2024`, `/daerah/${REGION}/benchmark?tahun=2024&kelompok=provinsi`],
    ...["/indikator/1?kerangka=spbe-2020&tahun=2024", "/praktik?provinsi=32&tahap=penerapan&tag=tte&urut=terbanyak-diadopsi"],
  ];
  return { visitors, seeds };
}

/**
 * A visitor as they were when the attack began, with a fresh session: an earlier payload (an
 * admin form, a sign-out) may have deactivated them, changed their role or ended their sessions.
 */
export async function restoreVisitor(visitor: Visitor): Promise<Visitor> {
  if (visitor.id === null || visitor.role === "anonymous") return visitor;
  await db().update(users).set({ active: true, role: visitor.role, regionCode: visitor.regionCode }).where(eq(users.id, visitor.id));
  const session = await createSession(visitor.id);
  return { ...visitor, cookie: session.cookie.split(";")[0]! };
}
