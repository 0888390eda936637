import type { Catalog } from "./messages.id";

/**
 * Indonesian messages only a region's benchmark page shows: registered by its route
 * (use-benchmark-translator.ts), so the other pages on the reading path do not download them
 * (decision 0009).
 */
export const benchmarkMessagesId = {
  regionBenchmark: {
    sampleLevels: "Profil, tingkat indikator, dan saran “belajar dari yang terdepan” di bawah ini dihitung dari data contoh (sintetis), karena daerah ini belum memiliki tingkat terverifikasi. Kelompok pembanding juga hanya memakai data contoh.",
    compareWith: "Bandingkan dengan daerah lain",
    noData: "Belum ada hasil {{framework}} untuk daerah ini.",
    noDataHelp: "Hasil resmi ditambahkan kurator melalui impor; editor daerah dapat melaporkan tingkat dari Laporan Hasil Evaluasi atau mengisi penilaian mandiri.",
    trend: "Tren indeks",
    ranks: "Peringkat dalam kelompok sejawat ({{year}})",
    rankOf: "ke-{{rank}} dari {{total}}",
    similarExplained: "“Daerah serupa”: delapan daerah terdekat menurut jumlah penduduk (skala logaritmik) dan profil indeks per domain, tiap ukuran diskalakan menurut sebarannya.",
    profile: "Profil domain dan aspek",
    peerGroup: "Kelompok sejawat",
    domainsChart: "Indeks per domain",
    aspectsChart: "Indeks per aspek",
    domain: "Domain",
    aspect: "Aspek",
    noLevels: "Belum ada tingkat indikator terverifikasi untuk daerah ini sampai tahun ini, sehingga profil domain dan aspek belum dapat ditampilkan. Editor daerah dapat melaporkan tingkat dari Laporan Hasil Evaluasi.",
    strongest: "Indikator terkuat",
    weakest: "Indikator terlemah",
    besideLatest: "{{kind}} terbaru ({{year}})",
    year: "Tahun evaluasi",
    noOfficialInYear: "Tidak ada indeks resmi untuk {{year}}, jadi tidak ada peringkat resmi tahun ini. Pilih tahun lain di atas.",
    disputedInYear: "Indeks resmi {{year}} diperselisihkan antarsumber, jadi tidak diberi peringkat.",
    ranksOfficialOnly: "Peringkat dihitung hanya di antara indeks resmi tahun yang sama.",
    onlyOneWithData: "Satu-satunya dengan data resmi",
    withData_other: "{{withData}} dari {{size}} daerah di kelompok ini memiliki indeks resmi.",
    profileFrom: "Profil dari data {{year}}.",
    profileFromEarlier: "Tahun {{selected}} belum memiliki data tingkat indikator; profil ini dari {{year}}, tahun terakhir yang memilikinya.",
    profileCoverage_other: "Rata-rata dan nilai terbaik kelompok dihitung dari {{withData}} dari {{size}} daerah yang memiliki {{kind}} untuk {{year}}.",
  },
};

export type BenchmarkMessages = Catalog<typeof benchmarkMessagesId>;
