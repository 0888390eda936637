import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { regionProfiles } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { fields } from "../forms/form-schemas.server";
import { once } from "../forms/submit-once.server";

export const regionProfileSchema = z.object({
  descriptionId: fields.optionalText(2000),
  descriptionEn: fields.optionalText(2000),
  websiteUrl: fields.optionalHttpsUrl(),
  contactEmail: fields.optionalEmail(),
  version: fields.recordNumber(0),
});

export interface RegionProfileFields {
  descriptionId: string;
  descriptionEn: string;
  websiteUrl: string | null;
  contactEmail: string | null;
}

const emptyProfile: RegionProfileFields & { version: number } = {
  descriptionId: "",
  descriptionEn: "",
  websiteUrl: null,
  contactEmail: null,
  version: 0,
};

/** The region's editable profile; version 0 means nobody has written one yet. */
export async function getRegionProfileFields(regionCode: string) {
  const row = await db().query.regionProfiles.findFirst({
    where: eq(regionProfiles.regionCode, regionCode),
    columns: { descriptionId: true, descriptionEn: true, websiteUrl: true, contactEmail: true, version: true },
  });
  return row ?? emptyProfile;
}

/**
 * Saves the profile if nobody saved since `baseVersion` was read (optimistic locking). On such
 * a conflict nothing changes and the current version is returned, so the form can be re-based.
 */
export async function saveRegionProfile(input: {
  regionCode: string;
  baseVersion: number;
  fields: RegionProfileFields;
  actorId: number;
  ip: string;
  formToken?: string | null;
}): Promise<{ ok: true } | { ok: false; currentVersion: number }> {
  // A replay (a double click without JavaScript, a resend) is answered like the first save instead of as a conflict with itself.
  const submission = { userId: input.actorId, scope: `region_profile:${input.regionCode}`, token: input.formToken ?? null, sent: { baseVersion: input.baseVersion, fields: input.fields } };
  return db().transaction((tx) => once<{ ok: true } | { ok: false; currentVersion: number }>(tx, submission, async () => {
    const before = await tx.query.regionProfiles.findFirst({ where: eq(regionProfiles.regionCode, input.regionCode) });
    let saved: unknown[];
    if (input.baseVersion === 0) {
      saved = await tx
        .insert(regionProfiles)
        .values({ regionCode: input.regionCode, ...input.fields, updatedById: input.actorId })
        .onConflictDoNothing()
        .returning({ version: regionProfiles.version });
    } else {
      saved = await tx
        .update(regionProfiles)
        .set({ ...input.fields, version: sql`${regionProfiles.version} + 1`, updatedAt: new Date(), updatedById: input.actorId })
        .where(and(eq(regionProfiles.regionCode, input.regionCode), eq(regionProfiles.version, input.baseVersion)))
        .returning({ version: regionProfiles.version });
    }
    if (saved.length === 0) return { ok: false, currentVersion: before?.version ?? 0 } as const;
    await recordAudit(
      {
        actorId: input.actorId,
        action: "region_profile.updated",
        targetType: "region",
        targetId: input.regionCode,
        before: before
          ? { descriptionId: before.descriptionId, descriptionEn: before.descriptionEn, websiteUrl: before.websiteUrl, contactEmail: before.contactEmail }
          : null,
        after: input.fields,
        ip: input.ip,
      },
      tx,
    );
    return { ok: true } as const;
  }));
}
