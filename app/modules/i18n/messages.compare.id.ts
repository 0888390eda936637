import type { Catalog } from "./messages.id";

/**
 * Indonesian messages only the compare page shows: registered by its route (use-compare-translator.ts), so the
 * other pages on the reading path do not download them (decision 0009).
 */
export const compareMessagesId = {
  compare: {
    title: "Bandingkan daerah",
    lead: "Pilih 2 sampai {{max}} daerah untuk dibandingkan berdampingan. Alamat halaman menyimpan pilihan, sehingga dapat dibagikan.",
    problem: {
      none: "Pilih setidaknya dua daerah untuk dibandingkan.",
      tooFew: "Tambahkan satu daerah lagi untuk mulai membandingkan.",
      tooMany: "Paling banyak {{max}} daerah; hanya {{max}} yang pertama ditampilkan.",
      unknown: "Kode daerah tidak dikenal dan diabaikan: {{codes}}",
    },
    yearOption: "{{year}} ({{covered}} dari {{total}} daerah memiliki indeks resmi)",
    sampleLevels: "Domain, aspek, dan tingkat indikator daerah yang bertanda “Data contoh” berasal dari data sintetis, bukan dari tingkat terverifikasi; kolomnya hanya untuk demonstrasi.",
    selection: "Daerah yang dibandingkan",
    remove: "Keluarkan {{region}} dari perbandingan",
    add: "Tambah daerah",
    chooseProvince: "Tampilkan daerah di provinsi ini",
    addButton: "Tambah",
    replacedYear: "Tidak ada data untuk tahun \"{{requested}}\" bagi daerah ini; yang ditampilkan: {{year}}.",
    tableCaption: "Indeks, domain, dan aspek ({{year}})",
    measure: "Ukuran",
    indicators: "Tingkat per indikator",
    levelsLegend: "Tingkat 1 sampai 5 menurut kerangka yang dipilih; warna mengikuti tingkat, angkanya selalu tertulis. — berarti belum ada data.",
    noOfficial: "Tidak ada indeks resmi tahun ini",
    levelsFrom: "Domain, aspek, dan tingkat di bawah dari",
  },
};

export type CompareMessages = Catalog<typeof compareMessagesId>;
