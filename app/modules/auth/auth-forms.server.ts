/** Validation of the account forms; server-only because password rules load a large word list. */
import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import { newPasswordFields, withMatchingPasswords } from "./password.server";
import { type Role, roleNeedsRegion, roles } from "./roles";

const roleFields = {
  role: z.enum(roles, "roleInvalid"),
  regionCode: z
    .string()
    .trim()
    .max(10, "tooLong")
    .transform((value) => (value === "" ? null : value)),
};

interface RoleAndRegion {
  role: Role;
  regionCode: string | null;
}

/** Editors and members need a region; admins and curators have none (a submitted one is dropped). */
function checkRegionForRole(value: RoleAndRegion, context: z.RefinementCtx) {
  if (roleNeedsRegion(value.role) && value.regionCode === null) {
    context.addIssue({ code: "custom", message: "regionRequired", path: ["regionCode"] });
  }
}

function dropRegionUnlessNeeded<T extends RoleAndRegion>(value: T): T {
  return { ...value, regionCode: roleNeedsRegion(value.role) ? value.regionCode : null };
}

export const roleAndRegionSchema = z.object(roleFields).superRefine(checkRegionForRole).transform(dropRegionUnlessNeeded);

export const invitationSchema = z
  .object({ email: fields.email(), ...roleFields })
  .superRefine(checkRegionForRole)
  .transform(dropRegionUnlessNeeded);

export const acceptInvitationSchema = withMatchingPasswords(z.object({ name: fields.requiredText(120), ...newPasswordFields }));

export const setPasswordSchema = withMatchingPasswords(z.object(newPasswordFields));

export const changePasswordSchema = withMatchingPasswords(
  z.object({ currentPassword: z.string().min(1, "required"), ...newPasswordFields }),
);
