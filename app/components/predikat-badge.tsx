import { Badge, type BadgeTone } from "./ui/badge";

/** SPBE predikat names are official Indonesian terms and are shown as such in every language. */
const toneByPredikat: Record<string, BadgeTone> = {
  Memuaskan: "success",
  "Sangat Baik": "success",
  Baik: "brand",
  Cukup: "warning",
  Kurang: "danger",
};

export function PredikatBadge({ predikat }: { predikat: string | null }) {
  if (!predikat) return null;
  return <Badge tone={toneByPredikat[predikat] ?? "neutral"}>{predikat}</Badge>;
}
