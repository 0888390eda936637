import { describe, expect, it } from "vitest";
import { diffFrameworkDefinitions, type EditableFramework, parseFrameworkEdit } from "./framework-edit";

/** Two aspects holding two indicators each, on a 1–5 scale with two decimals. */
const framework: EditableFramework = {
  version: 3,
  scale: { min: 1, max: 5, decimals: 2 },
  nodes: [
    { id: 1, parentId: null, kind: "aspect", number: 1, name: "Layanan", weight: 60 },
    { id: 2, parentId: null, kind: "aspect", number: 2, name: "Tata kelola", weight: 40 },
    { id: 11, parentId: 1, kind: "indicator", number: 1, name: "Portal", weight: 30 },
    { id: 12, parentId: 1, kind: "indicator", number: 2, name: "Aduan", weight: 30 },
    { id: 21, parentId: 2, kind: "indicator", number: 3, name: "Kebijakan", weight: 25 },
    { id: 22, parentId: 2, kind: "indicator", number: 4, name: "Anggaran", weight: 15 },
  ],
  definition: {
    sourceStatus: "secondary_sources",
    statusNote: "Dari berita.",
    nodes: [
      { id: 1, name: "Layanan", weight: 60 },
      { id: 2, name: "Tata kelola", weight: 40 },
      { id: 11, name: "Portal", weight: 30 },
      { id: 12, name: "Aduan", weight: 30 },
      { id: 21, name: "Kebijakan", weight: 25 },
      { id: 22, name: "Anggaran", weight: 15 },
    ],
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, name: `T${level}` })),
    bands: [
      { name: "Baik", minValue: 3 },
      { name: "Kurang", minValue: 1 },
    ],
  },
};

/** The form as the editor sends it for the current version, with `changes` applied. */
function editForm(changes: Record<string, string | null> = {}): FormData {
  const fields: Record<string, string | null> = {
    versi: "3",
    nama_1: "Layanan",
    nama_2: "Tata kelola",
    nama_11: "Portal",
    bobot_11: "30",
    nama_12: "Aduan",
    bobot_12: "30",
    nama_21: "Kebijakan",
    bobot_21: "25",
    nama_22: "Anggaran",
    bobot_22: "15",
    ...Object.fromEntries([1, 2, 3, 4, 5].map((level) => [`tingkat_${level}`, `T${level}`])),
    predikat_nama_0: "Baik",
    predikat_batas_0: "3",
    predikat_nama_1: "Kurang",
    predikat_batas_1: "1",
    predikat_nama_2: "",
    predikat_batas_2: "",
    status_sumber: "sumber_sekunder",
    catatan_status: "Dari berita.",
    alasan: "Lampiran II dibaca.",
    ...changes,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== null) form.append(name, value);
  return form;
}

const refused = (result: ReturnType<typeof parseFrameworkEdit>) => {
  if (result.ok) throw new Error("expected the edit to be refused");
  return result;
};

describe("parseFrameworkEdit", () => {
  it("reads Indonesian decimals, computes each group's weight from its members and keeps the rest", () => {
    const result = parseFrameworkEdit(editForm({ bobot_11: "27,5", bobot_12: "32,5", nama_12: "Pengaduan" }), framework, "id");
    expect(result).toMatchObject({ ok: true, baseVersion: 3, reason: "Lampiran II dibaca." });
    if (!result.ok) return;
    expect(result.proposed.nodes).toEqual([
      { id: 1, name: "Layanan", weight: 60 },
      { id: 2, name: "Tata kelola", weight: 40 },
      { id: 11, name: "Portal", weight: 27.5 },
      { id: 12, name: "Pengaduan", weight: 32.5 },
      { id: 21, name: "Kebijakan", weight: 25 },
      { id: 22, name: "Anggaran", weight: 15 },
    ]);
    expect(result.proposed.bands).toEqual(framework.definition.bands);
  });

  it("refuses weights that do not add up to 100, next to the total, keeping what was typed", () => {
    const result = refused(parseFrameworkEdit(editForm({ bobot_11: "35" }), framework, "id"));
    expect(result.problems).toEqual([{ code: "weightsNotHundred", total: 105, field: "total" }]);
    expect(result.values.bobot_11).toBe("35");
  });

  it("puts number problems next to their field", () => {
    const result = refused(parseFrameworkEdit(editForm({ bobot_11: "tiga puluh", bobot_12: "", predikat_batas_0: "7" }), framework, "id"));
    expect(result.errors).toMatchObject({ bobot_11: { code: "numberInvalid" }, bobot_12: { code: "required" }, predikat_batas_0: { code: "numberOutOfRange", min: 0, max: 5 } });
  });

  it("refuses a zero weight, empty names, and levels outside the scale", () => {
    expect(refused(parseFrameworkEdit(editForm({ bobot_11: "0", bobot_12: "60" }), framework, "id")).problems).toEqual([{ code: "weightNotPositive", kind: "indicator", number: 1, field: "bobot_11" }]);
    expect(refused(parseFrameworkEdit(editForm({ nama_21: "  " }), framework, "id")).errors).toEqual({ nama_21: { code: "required" } });
    expect(refused(parseFrameworkEdit(editForm({ tingkat_3: "" }), framework, "id")).problems).toEqual([{ code: "levelUnnamed", level: 3, field: "tingkat_3" }]);
    expect(refused(parseFrameworkEdit(editForm({ tingkat_6: "Lebih" }), framework, "id")).problems).toEqual([{ code: "levelsNotScale", expected: [1, 2, 3, 4, 5], found: [1, 2, 3, 4, 5, 6], field: "tingkat" }]);
  });

  it("refuses bands that leave the bottom of the scale uncovered, repeat a bound or a name", () => {
    expect(refused(parseFrameworkEdit(editForm({ predikat_batas_1: "1,5" }), framework, "id")).problems).toEqual([{ code: "bandsMissingLowest", lowest: 1.5, scaleMin: 1, field: "predikat" }]);
    expect(refused(parseFrameworkEdit(editForm({ predikat_nama_2: "Cukup", predikat_batas_2: "3" }), framework, "id")).problems).toEqual([{ code: "bandBoundsRepeat", minValue: 3, field: "predikat_batas_2" }]);
    expect(refused(parseFrameworkEdit(editForm({ predikat_nama_2: "Baik", predikat_batas_2: "4" }), framework, "id")).problems).toEqual([{ code: "bandNamesRepeat", name: "Baik", field: "predikat_nama_2" }]);
  });

  it("adds and removes band rows", () => {
    const result = parseFrameworkEdit(editForm({ predikat_nama_0: "", predikat_batas_0: "", predikat_nama_2: "Sangat baik", predikat_batas_2: "4,2" }), framework, "id");
    expect(result.ok && result.proposed.bands).toEqual([
      { name: "Sangat baik", minValue: 4.2 },
      { name: "Kurang", minValue: 1 },
    ]);
  });

  it("refuses a field naming a node of another framework, too many bands, a stale version, and no change at all", () => {
    expect(refused(parseFrameworkEdit(editForm({ bobot_999: "1" }), framework, "id")).problems).toContainEqual({ code: "unknownNode", field: "form" });
    expect(refused(parseFrameworkEdit(editForm({ bobot_1: "60" }), framework, "id")).problems).toContainEqual({ code: "unknownNode", field: "form" });
    expect(refused(parseFrameworkEdit(editForm({ predikat_nama_10: "X" }), framework, "id")).problems).toContainEqual({ code: "tooManyBands", max: 10, field: "predikat" });
    expect(refused(parseFrameworkEdit(editForm({ versi: "2" }), framework, "id")).problems).toContainEqual({ code: "staleVersion", current: 3, field: "form" });
    expect(refused(parseFrameworkEdit(editForm(), framework, "id")).problems).toEqual([{ code: "noChange", field: "form" }]);
  });

  it("refuses an empty reason, an unknown status and overlong text", () => {
    const result = refused(parseFrameworkEdit(editForm({ alasan: "", status_sumber: "resmi", nama_11: "x".repeat(301) }), framework, "id"));
    expect(result.errors).toEqual({ alasan: { code: "required" }, status_sumber: { code: "required" }, nama_11: { code: "tooLong", max: 300 } });
  });
});

describe("diffFrameworkDefinitions", () => {
  it("lists each changed name, weight, level, band and status in the tree's order", () => {
    const after = {
      ...framework.definition,
      sourceStatus: "official_text" as const,
      statusNote: null,
      nodes: framework.definition.nodes.map((node) => (node.id === 11 ? { ...node, weight: 27.5 } : node.id === 1 ? { ...node, name: "Layanan publik", weight: 57.5 } : node.id === 12 ? { ...node, weight: 30 } : node)),
      levels: framework.definition.levels.map((level) => (level.level === 5 ? { level: 5, name: "Unggul" } : level)),
      bands: [
        { name: "Baik", minValue: 3.5 },
        { name: "Cukup", minValue: 2 },
        { name: "Kurang", minValue: 1 },
      ],
    };
    expect(diffFrameworkDefinitions(framework.definition, after, framework.nodes)).toEqual([
      { kind: "nodeName", nodeKind: "aspect", number: 1, before: "Layanan", after: "Layanan publik" },
      { kind: "nodeWeight", nodeKind: "aspect", number: 1, name: "Layanan publik", before: 60, after: 57.5 },
      { kind: "nodeWeight", nodeKind: "indicator", number: 1, name: "Portal", before: 30, after: 27.5 },
      { kind: "levelName", level: 5, before: "T5", after: "Unggul" },
      { kind: "band", name: "Baik", before: 3, after: 3.5 },
      { kind: "band", name: "Cukup", before: null, after: 2 },
      { kind: "sourceStatus", before: "secondary_sources", after: "official_text" },
      { kind: "statusNote", before: "Dari berita.", after: null },
    ]);
    expect(diffFrameworkDefinitions(framework.definition, framework.definition, framework.nodes)).toEqual([]);
  });
});
