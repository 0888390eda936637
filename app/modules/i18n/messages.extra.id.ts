import type { Catalog } from "./messages.id";

/**
 * Indonesian messages of public pages off the reading path (a framework's page and its version
 * history, writing to a region through IDSL, unsubscribing from emails): registered only by the
 * pages that use them (use-extra-translator.ts), so the budgeted pages never download them
 * (decision 0009).
 */
export const extraMessagesId = {
  unsubscribe: {
    title: "Berhenti menerima email",
    lead: "Email jenis ini tidak akan dikirim lagi kepada Anda. Pemberitahuannya tetap ada di kotak masuk IDSL, dan Anda dapat mengubahnya kembali di Akun → Pemberitahuan.",
    confirm: "Berhenti menerima email ini",
    done: "Selesai: email jenis ini tidak akan dikirim lagi. Pemberitahuannya tetap ada di kotak masuk.",
    invalid: "Tautan berhenti berlangganan ini tidak sah atau sudah diubah. Tidak ada yang diubah. Atur pemberitahuan Anda di Akun → Pemberitahuan setelah masuk.",
  },
  frameworkPage: {
    listTitle: "Kerangka indeks",
    listLead: "Kerangka yang dipakai situs ini untuk indeks: struktur, bobot, tingkat, predikat, sumber, status, dan riwayat setiap perubahannya.",
    years: "Tahun evaluasi",
    versionLabel: "Versi",
    structure: "Struktur dan bobot",
    structureLead: "Bobot dalam persen dari indeks; bobot sebuah kelompok adalah jumlah bobot anggotanya.",
    weight: "Bobot",
    indicator: "Indikator {{number}}",
    levels: "Tingkat",
    level: "Tingkat {{level}}",
    bands: "Predikat",
    bandFrom: "mulai {{value}}",
    formula: "Rumus",
    sources: "Sumber",
    status: "Status sumber",
    history: "Riwayat versi",
    historyLead: "Setiap perubahan ditinjau kurator lain sebelum berlaku. Hasil resmi yang sudah terbit tetap memakai versi yang berlaku saat hasil itu dicatat.",
    firstVersion: "Versi pertama, dimuat dari data acuan.",
    versionHeading: "Versi {{version}} · {{date}}",
    reason: "Alasan",
    sourceStatus: {
      official_text: "teks resmi",
      secondary_sources: "sumber sekunder",
    },
    diff: {
      name: "{{node}}: nama “{{before}}” → “{{after}}”",
      weight: "{{node}} ({{name}}): bobot {{before}} → {{after}}",
      levelName: "Tingkat {{level}}: nama “{{before}}” → “{{after}}”",
      bandAdded: "Predikat “{{name}}” ditambahkan, mulai {{after}}",
      bandRemoved: "Predikat “{{name}}” dihapus (mulai {{before}})",
      bandMoved: "Predikat “{{name}}”: batas bawah {{before}} → {{after}}",
      sourceStatus: "Status sumber: {{before}} → {{after}}",
      statusNote: "Catatan status: “{{after}}”",
    },
  },
  contactPrivacy: {
    pageTitle: "Hubungi melalui IDSL: {{title}}",
    heading: "Hubungi melalui IDSL",
    lead: "Pesan Anda diteruskan kepada editor {{region}} yang mengelola praktik ini, bersama nama dan email Anda agar mereka dapat membalas. Kontak praktik tidak diberikan kepada Anda; IDSL menyimpan pesan ini untuk tujuan yang Anda pilih.",
    practice: "Praktik",
    opd: "OPD pelaksana",
    name: "Nama Anda",
    email: "Email Anda",
    emailHint: "Balasan dikirim ke alamat ini.",
    purposes: {
      replication: "Replikasi praktik ini di daerah kami",
      study_visit: "Kunjungan studi (studi tiru)",
      other: "Pertanyaan lain",
    },
    choosePurpose: "Pilih tujuan",
    message: "Pesan",
    messageHint: "Paling banyak {{max}} karakter.",
    trap: "Jangan isi kolom ini",
    send: "Kirim pesan",
    sent: "Pesan Anda sudah diterima IDSL dan diteruskan kepada pengelola praktik ini. Balasan akan dikirim ke email Anda.",
    sendAnother: "Kirim pesan lain",
    backToPractice: "Kembali ke praktik",
    received: {
      title: "Pesan dari {{name}} melalui IDSL",
      from: "Dari",
      sentAt: "Dikirim",
      reply: "Balas {{name}} lewat email",
      privacy: "Kontak praktik tidak diberikan kepada pengirim. Nama dan email pengirim hanya untuk membalas pesan ini.",
      backToInbox: "Kotak masuk",
    },
  },
};

export type ExtraMessages = Catalog<typeof extraMessagesId>;
