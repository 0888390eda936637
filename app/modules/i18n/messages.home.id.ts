import type { Catalog } from "./messages.id";

/**
 * Indonesian messages only the home page shows: registered by its route (use-home-translator.ts),
 * so the other pages on the reading path do not download them (decision 0009).
 */
export const homeMessagesId = {
  home: {
    heroTitle: "Belajar dari sesama daerah untuk layanan digital yang lebih baik",
    heroLead:
      "IDSL mempertemukan pemerintah kabupaten dan kota untuk berbagi praktik baik, membandingkan indeks SPBE dengan daerah sejawat, dan mereplikasi inovasi yang terbukti berhasil — tanpa harus melakukan kunjungan kerja.",
    explorePractices: "Baca praktik baik",
    latestPractices: "Praktik baik terbaru",
    exploreRegions: "Jelajahi direktori daerah",
    figuresHeading: "Angka kunci",
    cohortMembers: "Daerah kohort {{cohort}} terkonfirmasi",
    cohortMembersDetail: "dari {{planned}} daerah percontohan; kurator menambahkan anggota setelah terkonfirmasi",
    nationalIndex: "{{framework}} nasional {{year}}",
    regionsCount: "Kabupaten/kota dalam direktori",
    regionsCountDetail: "di {{provinces}} provinsi",
    source: "Sumber",
    aboutHeading: "Tentang IDSL",
    aboutBody:
      "Indonesia Digital Services Living Lab dimulai pada IDSL Summit di Bali, 21 November 2022, atas prakarsa Kabupaten Sumedang dengan dukungan Kemendagri dan KemenPANRB. Tujuannya menaikkan indeks SPBE setiap daerah dengan saling belajar: melihat siapa yang kuat di bidang apa, membaca bagaimana mereka melakukannya, bertanya, lalu mengadopsinya.",
    storyHeading: "Contoh nyata: dari Sumedang ke Blora",
    storyBody:
      "Pada Januari 2022 Bupati Blora berkunjung ke Sumedang, yang indeks SPBE-nya naik dari 2,48 (2018) menjadi 3,81 (2020), dan menerima aplikasi e-office dan e-SAKIP Sumedang sebagai hibah. Indeks SPBE Blora naik dari 2,06 (2022) menjadi 3,27 (2023).",
    cohortHeading: "Anggota kohort {{cohort}} yang terkonfirmasi",
    cohortNote: "Daftar lengkap 62 daerah belum dipublikasikan; hanya anggota yang terkonfirmasi sumber publik yang ditampilkan.",
  },
};

export type HomeMessages = Catalog<typeof homeMessagesId>;
