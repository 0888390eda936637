import type { Catalog } from "./messages.id";

/**
 * Indonesian messages only the server uses: chart titles and descriptions drawn in loaders, and
 * the columns and help of downloads. They never reach the browser (decision 0009).
 */
export const serverMessagesId = {
  regionBenchmark: {
    trendChart: "Indeks {{region}} per tahun",
    trendDescription: "Indeks daerah per tahun evaluasi, satu garis per jenis data: nilai resmi bergaris penuh dengan penanda berisi, jenis lain bergaris putus-putus dengan penanda kosong; indeks nasional sebagai pembanding.",
    profileDescription: "Nilai daerah dibandingkan rata-rata dan nilai terbaik kelompok {{group}}.",
    groupAverage: "Rata-rata kelompok ({{kind}})",
    groupBest: "Terbaik di kelompok ({{kind}})",
  },
  compare: {
    trendChart: "Tren indeks",
    trendDescription: "Indeks tiap daerah per tahun evaluasi, satu garis per daerah dan jenis data; nilai resmi bergaris penuh dengan penanda berisi, jenis lain bergaris putus-putus dengan penanda kosong.",
    domainsChart: "Indeks per domain",
    domainsDescription: "Indeks per domain tahun {{year}} untuk tiap daerah.",
  },
  indicator: {
    distributionChart: "Jumlah daerah per tingkat",
    distributionDescription_other: "Sebaran tingkat indikator ini di antara {{count}} daerah dengan data tingkat pada {{year}}.",
  },
  frameworkViews: {
    exportFramework: "kerangka",
    exportFrameworkHelp: "Kerangka penilaian semua nilai dalam berkas ini; satu berkas hanya berisi satu kerangka.",
    exportVersion: "versi_kerangka",
    exportVersionHelp: "Versi data kerangka (struktur, bobot, predikat) yang berlaku saat berkas dibuat.",
    exportStatus: "status_kerangka",
    exportStatusHelp: "Apakah struktur kerangka dibaca dari teks resmi peraturan atau dari sumber sekunder yang mengutipnya.",
    exportStatusOfficial: "Teks resmi peraturan",
    exportStatusSecondary: "Sumber sekunder (teks resmi belum dibaca)",
  },
  frameworkBenchmark: {
    trendChart: "Indeks {{region}} per tahun, per kerangka penilaian",
    trendDescription: "Indeks daerah per tahun evaluasi, satu garis per jenis data dan per kerangka penilaian: garis vertikal putus-putus berlabel menandai pergantian kerangka, dan nilai kerangka yang berbeda tidak pernah disambung dalam satu garis. Nilai resmi bergaris penuh dengan penanda berisi, jenis lain bergaris putus-putus dengan penanda kosong; indeks nasional sebagai pembanding.",
  },
  exports: {
    sourcesSheet: "Sumber",
    columnsSheet: "Kolom",
    citation: "Sumber",
    url: "Tautan",
    usedFor: "Dipakai untuk",
    column: "Kolom",
    description: "Keterangan",
    rankings: {
      rank: "peringkat",
      rankHelp: "Peringkat di antara baris yang tersaring dengan jenis data yang sama; nilai sama pada dua desimal berbagi peringkat. Kosong untuk nilai yang diperselisihkan.",
      code: "kode_wilayah",
      codeHelp: "Kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025).",
      region: "daerah",
      regionHelp: "Nama kabupaten/kota atau provinsi.",
      province: "provinsi",
      provinceHelp: "Provinsi tempat daerah berada.",
      year: "tahun",
      yearHelp: "Tahun evaluasi.",
      kind: "jenis_data",
      kindHelp: "Resmi (keputusan atau hasil yang dipublikasikan), level terverifikasi, penilaian mandiri, atau data contoh sintetis. Satu berkas hanya berisi satu jenis.",
      index: "indeks",
      indexHelp: "{{framework}} (skala 1–5) dengan dua desimal. Kosong untuk nilai yang diperselisihkan.",
      predikat: "predikat",
      predikatHelp: "Predikat menurut batas {{framework}}.",
      change: "perubahan_sejak_{{year}}",
      changeHelp: "Selisih dengan nilai jenis data yang sama setahun sebelumnya; kosong bila tidak ada.",
      percentile: "persentil",
      percentileHelp: "Persentase baris terperingkat yang indeksnya sama atau lebih rendah.",
      disputed: "nilai_diperselisihkan",
      disputedHelp: "Bila sumber-sumber berbeda: setiap nilai dengan sumbernya.",
      sources: "sumber",
      sourcesHelp: "Keputusan dan tautan sumber setiap nilai.",
      notes: "tanggapan_daerah",
      notesHelp: "Catatan bertanda tangan dari editor daerah tentang angka ini (hak jawab).",
    },
  },
  studyVisitCalendar: {
    title: "Studi tiru {{visitor}} ke {{host}}",
  },
  notificationEmail: {
    greeting: "Halo {{name}},",
    subject: {
      daily_other: "IDSL: {{count}} pemberitahuan hari ini",
      weekly_other: "IDSL: {{count}} pemberitahuan minggu ini",
    },
    digestLead_other: "Ada {{count}} pemberitahuan baru untuk Anda:",
    more_other: "dan {{count}} lainnya di kotak masuk Anda",
    openInbox: "Buka kotak masuk",
    unsubscribe: "Berhenti menerima email seperti ini (satu klik)",
    settings: "Atur semua pemberitahuan",
  },
};

export type ServerMessages = Catalog<typeof serverMessagesId>;
