/**
 * Indonesian-looking text for synthetic practices: varied enough that pages, indexes and
 * compression see realistic sizes (bodies of 1–3 KB), without pretending to be real content.
 */

export const TAG_VOCABULARY = [
  "e-office",
  "pengaduan",
  "satu data",
  "perizinan",
  "kependudukan",
  "kesehatan",
  "pendidikan",
  "stunting",
  "pajak daerah",
  "desa digital",
  "command center",
  "integrasi layanan",
  "kearsipan",
  "e-sakip",
  "pengadaan",
  "literasi digital",
  "bantuan sosial",
  "tanda tangan elektronik",
] as const;

const PRODUCTS = ["Sistem Informasi", "Aplikasi", "Portal", "Dasbor", "Layanan Daring", "Platform", "Gerakan", "Pusat Data"];
const SUBJECTS = [
  "Perizinan Terpadu",
  "Pengaduan Masyarakat",
  "Administrasi Kependudukan",
  "Satu Data Daerah",
  "Kearsipan Elektronik",
  "Perencanaan dan Penganggaran",
  "Kesehatan Ibu dan Anak",
  "Pajak dan Retribusi Daerah",
  "Desa Digital",
  "Kinerja Aparatur",
  "Bantuan Sosial Tepat Sasaran",
  "Pengadaan Barang dan Jasa",
  "Naskah Dinas Elektronik",
  "Pemantauan Stunting",
  "Layanan Pendidikan",
];
export const LEAD_OPDS = [
  "Dinas Komunikasi dan Informatika",
  "Badan Perencanaan Pembangunan Daerah",
  "Dinas Kependudukan dan Pencatatan Sipil",
  "Dinas Penanaman Modal dan PTSP",
  "Dinas Kesehatan",
  "Badan Pendapatan Daerah",
  "Sekretariat Daerah",
  "Inspektorat Daerah",
];
const SENTENCES = [
  "Sebelum inovasi ini, layanan masih dilakukan secara manual sehingga warga harus datang berkali-kali ke kantor dinas.",
  "Pemerintah daerah membentuk tim lintas perangkat daerah untuk memetakan proses bisnis dan kebutuhan data setiap layanan.",
  "Aplikasi dikembangkan secara bertahap oleh tim internal dengan pendampingan dari kementerian terkait.",
  "Data yang sebelumnya tersebar di berbagai bidang kini dihimpun dalam satu basis data yang dapat diakses oleh pejabat berwenang.",
  "Uji coba dilakukan di tiga kecamatan terlebih dahulu sebelum diperluas ke seluruh wilayah kabupaten.",
  "Waktu penyelesaian layanan turun dari rata-rata empat belas hari menjadi tiga hari kerja.",
  "Warga dapat memantau status permohonan melalui ponsel tanpa harus menghubungi petugas.",
  "Kepala daerah menetapkan peraturan bupati sebagai dasar hukum penerapan layanan elektronik ini.",
  "Anggaran berasal dari APBD dan sebagian didukung oleh dana hibah pemerintah provinsi.",
  "Tantangan terbesar adalah keterbatasan jaringan internet di desa-desa yang jauh dari pusat kota.",
  "Untuk mengatasinya, dinas menyediakan titik akses bersama di kantor desa dan melatih operator setempat.",
  "Pelatihan rutin diberikan kepada aparatur agar mereka terbiasa menggunakan aplikasi dalam pekerjaan sehari-hari.",
  "Keterpaduan dengan sistem nasional memudahkan pertukaran data kependudukan dan mengurangi isian berulang.",
  "Laporan kinerja kini dapat disusun otomatis setiap bulan dan dibahas dalam rapat pimpinan.",
  "Beberapa daerah tetangga telah berkunjung untuk mempelajari dan mereplikasi praktik ini.",
  "Keberlanjutan dijaga dengan memasukkan pemeliharaan aplikasi ke dalam rencana kerja tahunan dinas.",
  "Survei kepuasan masyarakat menunjukkan peningkatan yang berarti setelah layanan dialihkan ke kanal daring.",
  "Keamanan informasi diperkuat dengan pengelolaan hak akses dan pencadangan data secara berkala.",
];
const SECTIONS = ["Latar Belakang", "Pelaksanaan", "Hasil", "Pembelajaran"];

export interface PracticeText {
  title: string;
  summary: string;
  body: string;
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Up to `max` (at least 1) different items, in vocabulary order. */
export function pickSome<T>(items: readonly T[], max: number, random: () => number): T[] {
  const wanted = 1 + Math.floor(random() * max);
  const chosen = new Set<T>();
  while (chosen.size < wanted) chosen.add(pick(items, random));
  return items.filter((item) => chosen.has(item));
}

/** Title, summary (well under 100 words) and a Markdown body of 1–3 KB. */
export function practiceText(region: { name: string; shortName: string }, random: () => number): PracticeText {
  const subject = pick(SUBJECTS, random);
  const title = `${pick(PRODUCTS, random)} ${subject} ${region.shortName}`;
  const summary = [
    `${region.name} membangun layanan ${subject.toLowerCase()} yang dapat diakses warga secara daring.`,
    pick(SENTENCES, random),
    pick(SENTENCES, random),
  ].join(" ");
  const targetLength = 1000 + Math.floor(random() * 2000);
  const parts: string[] = [];
  let length = 0;
  for (const section of SECTIONS) {
    const sentences: string[] = [];
    do {
      const sentence = pick(SENTENCES, random);
      sentences.push(sentence);
      length += sentence.length + 1;
    } while (length < (targetLength * (parts.length + 1)) / SECTIONS.length);
    parts.push(`## ${section}\n\n${sentences.join(" ")}`);
  }
  return { title, summary, body: parts.join("\n\n") };
}
