import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { cohortMembers, cohorts, provinces, regions } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { fields } from "../forms/form-schemas.server";

export const IDSL_2022 = "idsl-2022";

export async function listCohorts() {
  return db()
    .select({ slug: cohorts.slug, name: cohorts.name })
    .from(cohorts)
    .orderBy(asc(cohorts.startedOn), asc(cohorts.name));
}

/** A cohort with its confirmed members, or null when the slug is unknown. */
export async function getCohortOverview(slug: string) {
  const cohort = await db().query.cohorts.findFirst({ where: eq(cohorts.slug, slug) });
  if (!cohort) return null;
  const members = await db()
    .select({ code: regions.code, name: regions.name, provinceName: provinces.name })
    .from(cohortMembers)
    .innerJoin(regions, eq(regions.code, cohortMembers.regionCode))
    .innerJoin(provinces, eq(provinces.code, regions.provinceCode))
    .where(eq(cohortMembers.cohortId, cohort.id))
    .orderBy(asc(regions.shortName));
  return { ...cohort, members };
}

/** Cohort names per region code, for badges on lists. */
export async function cohortNamesByRegion(regionCodes: string[]): Promise<Map<string, string[]>> {
  const byRegion = new Map<string, string[]>();
  if (regionCodes.length === 0) return byRegion;
  const rows = await db()
    .select({ regionCode: cohortMembers.regionCode, name: cohorts.name })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(inArray(cohortMembers.regionCode, regionCodes))
    .orderBy(asc(cohorts.name));
  for (const row of rows) byRegion.set(row.regionCode, [...(byRegion.get(row.regionCode) ?? []), row.name]);
  return byRegion;
}


export const cohortMemberSchema = z.object({ regionCode: fields.requiredText(10), evidence: fields.requiredText(500) });

export type CohortChange = { ok: true; regionName: string } | { ok: false; problem: "unknownRegion" | "alreadyMember" | "notMember" };

/** Adds a confirmed member with the evidence of its membership. */
export async function addCohortMember(input: {
  cohortId: number;
  regionCode: string;
  evidence: string;
  actorId: number;
  ip: string;
}): Promise<CohortChange> {
  const region = await db().query.regions.findFirst({ where: eq(regions.code, input.regionCode), columns: { name: true } });
  if (!region) return { ok: false, problem: "unknownRegion" };
  return db().transaction(async (tx) => {
    const added = await tx
      .insert(cohortMembers)
      .values({ cohortId: input.cohortId, regionCode: input.regionCode, evidence: input.evidence })
      .onConflictDoNothing()
      .returning({ regionCode: cohortMembers.regionCode });
    if (added.length === 0) return { ok: false, problem: "alreadyMember" } as const;
    await recordAudit(
      {
        actorId: input.actorId,
        action: "cohort.member_added",
        targetType: "cohort",
        targetId: input.cohortId,
        after: { regionCode: input.regionCode, evidence: input.evidence },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true, regionName: region.name } as const;
  });
}

export async function removeCohortMember(input: {
  cohortId: number;
  regionCode: string;
  actorId: number;
  ip: string;
}): Promise<CohortChange> {
  return db().transaction(async (tx) => {
    const [removed] = await tx
      .delete(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, input.cohortId), eq(cohortMembers.regionCode, input.regionCode)))
      .returning({ regionCode: cohortMembers.regionCode, evidence: cohortMembers.evidence });
    if (!removed) return { ok: false, problem: "notMember" } as const;
    await recordAudit(
      { actorId: input.actorId, action: "cohort.member_removed", targetType: "cohort", targetId: input.cohortId, before: removed, ip: input.ip },
      tx,
    );
    const region = await tx.query.regions.findFirst({ where: eq(regions.code, input.regionCode), columns: { name: true } });
    return { ok: true, regionName: region?.name ?? input.regionCode } as const;
  });
}
