import type { CompareMessages } from "./messages.compare.id";

/** English messages only the compare page shows (see messages.compare.id.ts). */
export const compareMessagesEn: CompareMessages = {
  compare: {
    title: "Compare regions",
    lead: "Choose 2 to {{max}} regions to compare side by side. The page address keeps the selection, so it can be shared.",
    problem: {
      none: "Choose at least two regions to compare.",
      tooFew: "Add one more region to start comparing.",
      tooMany: "At most {{max}} regions; only the first {{max}} are shown.",
      unknown: "Unknown region codes were ignored: {{codes}}",
    },
    yearOption: "{{year}} ({{covered}} of {{total}} regions have an official index)",
    sampleLevels: "Domains, aspects and indicator levels of regions marked “Sample data” are synthetic, not verified levels; their columns are for demonstration only.",
    selection: "Regions compared",
    remove: "Remove {{region}} from the comparison",
    add: "Add a region",
    chooseProvince: "Show this province's regions",
    addButton: "Add",
    replacedYear: "No figures for the year \"{{requested}}\" for these regions; showing: {{year}}.",
    tableCaption: "Index, domains and aspects ({{year}})",
    measure: "Measure",
    indicators: "Levels per indicator",
    levelsLegend: "Levels 1 to 5 of the chosen framework; colours follow the level, and the number is always written. — means no data yet.",
    noOfficial: "No official index this year",
    levelsFrom: "Domains, aspects and levels below from",
  },
};
