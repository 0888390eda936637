import { describe, expect, it } from "vitest";
import { parseForm } from "../forms/form-schemas.server";
import { CONTACT_MESSAGE_LIMITS } from "./contact";
import { contactMessageSchema, filledTrap } from "./contact-message-form.server";
import { newContactFormToken } from "./contact-messages.server";

const valid = { name: "Rina Wulandari", email: "Rina@BloraKab.go.id", purpose: "study_visit", body: "Kami ingin berkunjung.", formToken: newContactFormToken() };

function parse(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...valid, ...fields })) form.append(name, value);
  return parseForm(contactMessageSchema, form);
}

describe("the contact-through-IDSL form", () => {
  it("reads a sound message, the email lower-cased", () => {
    expect(parse({})).toEqual({ ok: true, data: { ...valid, email: "rina@blorakab.go.id" } });
  });

  it.each([
    ["name", "Rina\r\nBcc: victim@example.com"],
    ["name", "Rina\nX-Spam: yes"],
    ["email", "rina@blorakab.go.id\r\nBcc: victim@example.com"],
    ["email", "rina@blorakab.go.id\nCc: a@b.c"],
  ])("refuses a line break in %s (header injection)", (field, value) => {
    const parsed = parse({ [field]: value });
    expect(parsed).toMatchObject({ ok: false, errors: { [field]: { code: "lineBreakNotAllowed" } } });
    // The input is kept to show again.
    expect(!parsed.ok && parsed.values[field]).toBe(value);
  });

  it("names each bad field with its own message", () => {
    const parsed = parse({ name: "", email: "bukan email", purpose: "spam", body: " ", formToken: "x" });
    expect(parsed).toMatchObject({
      ok: false,
      errors: {
        name: { code: "required" },
        email: { code: "emailInvalid" },
        purpose: { code: "purposeInvalid" },
        body: { code: "required" },
        formToken: { code: "formExpired" },
      },
    });
  });

  it("caps each field's length", () => {
    const parsed = parse({
      name: "n".repeat(CONTACT_MESSAGE_LIMITS.name + 1),
      email: `${"e".repeat(250)}@x.id`,
      body: "b".repeat(CONTACT_MESSAGE_LIMITS.body + 1),
    });
    expect(parsed).toMatchObject({
      ok: false,
      errors: { name: { code: "tooLong", max: CONTACT_MESSAGE_LIMITS.name }, email: { code: "tooLong" }, body: { code: "tooLong", max: CONTACT_MESSAGE_LIMITS.body } },
    });
  });

  it("issues tokens the form accepts, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 100 }, newContactFormToken));
    expect(tokens.size).toBe(100);
    for (const formToken of tokens) expect(parse({ formToken }).ok).toBe(true);
  });

  it("tells a filled trap field from an empty one", () => {
    const form = new FormData();
    expect(filledTrap(form)).toBe(false);
    form.set("website", " ");
    expect(filledTrap(form)).toBe(false);
    form.set("website", "http://spam.example");
    expect(filledTrap(form)).toBe(true);
  });
});
