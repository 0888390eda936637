import type { HomeMessages } from "./messages.home.id";

/** English messages only the home page shows (see messages.home.id.ts). */
export const homeMessagesEn: HomeMessages = {
  home: {
    heroTitle: "Learn from peer regions to build better digital services",
    heroLead:
      "IDSL brings regencies and cities together to share best practices, compare their SPBE index with peers, and replicate innovations that work — without a study trip.",
    explorePractices: "Read best practices",
    latestPractices: "Latest best practices",
    exploreRegions: "Explore the regions directory",
    figuresHeading: "Key figures",
    cohortMembers: "Confirmed {{cohort}} cohort regions",
    cohortMembersDetail: "of {{planned}} pilot regions; curators add members as they are confirmed",
    nationalIndex: "{{framework}}, national {{year}}",
    regionsCount: "Regencies and cities in the directory",
    regionsCountDetail: "in {{provinces}} provinces",
    source: "Source",
    aboutHeading: "About IDSL",
    aboutBody:
      "The Indonesia Digital Services Living Lab began at the IDSL Summit in Bali on 21 November 2022, initiated by Sumedang Regency and backed by Kemendagri and KemenPANRB. Its aim is to raise every region's SPBE index through peer learning: see who is strong where, read how they did it, ask them, and adopt it.",
    storyHeading: "A real example: from Sumedang to Blora",
    storyBody:
      "In January 2022 Blora's regent visited Sumedang, whose SPBE index had risen from 2.48 (2018) to 3.81 (2020), and received Sumedang's e-office and e-SAKIP applications as a grant. Blora's SPBE index rose from 2.06 (2022) to 3.27 (2023).",
    cohortHeading: "Confirmed members of the {{cohort}} cohort",
    cohortNote: "The full list of 62 regions has not been published; only members confirmed by public sources are shown.",
  },
};
