// Demo data of the reports module: Kota Manado's report categories (the ones Qlue-like apps and
// LAPOR! see most), their default OPDs, a few routing rules and the tracking prefix "MDO".
#include <algorithm>
#include <array>
#include <future>

#include "regions/region_store_sqlite.h"
#include "reports/reports_module.h"

namespace kc::reports {
namespace {

constexpr std::string_view kDemoRegion = "71.71";
constexpr std::string_view kDemoPrefix = "MDO";

struct DemoCategory {
  std::string_view code, name_id, name_en, group, opd, description, keywords;
  int response_hours, resolve_days;
};

constexpr std::array<DemoCategory, 26> kCategories = {{
    {"jalan-rusak", "Jalan rusak", "Damaged road", "Infrastruktur", "Dinas PUPR",
     "Jalan berlubang, retak atau amblas.", "lubang,aspal,amblas", 24, 14},
    {"jembatan-rusak", "Jembatan rusak", "Damaged bridge", "Infrastruktur", "Dinas PUPR",
     "Jembatan atau titian yang rusak atau membahayakan.", "jembatan,titian", 24, 30},
    {"trotoar-rusak", "Trotoar rusak", "Damaged sidewalk", "Infrastruktur", "Dinas PUPR",
     "Trotoar pecah, berlubang atau tertutup.", "trotoar,pejalan kaki", 48, 30},
    {"drainase-tersumbat", "Drainase tersumbat", "Blocked drain", "Infrastruktur", "Dinas PUPR",
     "Selokan atau gorong-gorong tersumbat.", "selokan,got,gorong-gorong", 24, 7},
    {"banjir", "Banjir", "Flooding", "Bencana", "BPBD", "Genangan atau banjir di permukiman/jalan.",
     "genangan,air naik,rob", 2, 3},
    {"tanah-longsor", "Tanah longsor", "Landslide", "Bencana", "BPBD",
     "Longsor atau tebing yang rawan runtuh.", "longsor,tebing", 2, 7},
    {"pohon-tumbang", "Pohon tumbang", "Fallen tree", "Lingkungan", "DLH",
     "Pohon tumbang atau dahan yang membahayakan.", "pohon,dahan", 6, 3},
    {"sampah-menumpuk", "Sampah menumpuk", "Piled-up rubbish", "Kebersihan", "DLH",
     "Sampah tidak terangkut atau dibuang sembarangan.", "sampah,TPS", 24, 3},
    {"pencemaran", "Pencemaran lingkungan", "Pollution", "Lingkungan", "DLH",
     "Pencemaran air, udara, tanah atau kebisingan.", "limbah,bau,asap,bising", 24, 14},
    {"taman-kota", "Taman kota rusak", "Damaged city park", "Lingkungan", "DLH",
     "Taman, pohon peneduh atau ruang terbuka hijau yang tidak terawat.", "taman,RTH", 48, 14},
    {"lampu-jalan-mati", "Lampu jalan mati", "Street light out", "Infrastruktur", "Disperkim",
     "Penerangan jalan umum (PJU) mati atau berkedip.", "PJU,lampu,gelap", 48, 7},
    {"fasilitas-umum", "Fasilitas umum rusak", "Damaged public facility", "Infrastruktur",
     "Disperkim", "Halte, toilet umum, bangku atau fasilitas umum lain yang rusak.",
     "halte,toilet,fasum", 48, 14},
    {"lampu-lalu-lintas", "Lampu lalu lintas rusak", "Traffic light fault", "Transportasi",
     "Dishub", "Lampu lalu lintas mati atau tidak normal.", "traffic light,bangjo", 6, 3},
    {"rambu-rusak", "Rambu lalu lintas rusak", "Damaged traffic sign", "Transportasi", "Dishub",
     "Rambu atau marka jalan rusak/hilang.", "rambu,marka", 48, 14},
    {"parkir-liar", "Parkir liar", "Illegal parking", "Transportasi", "Dishub",
     "Kendaraan parkir di tempat terlarang atau juru parkir liar.", "parkir,jukir", 24, 3},
    {"pkl", "PKL mengganggu", "Street vendors obstruction", "Ketertiban", "Satpol PP",
     "Pedagang kaki lima di trotoar atau badan jalan.", "PKL,lapak,pedagang", 24, 7},
    {"ketertiban-umum", "Gangguan ketertiban umum", "Public order disturbance", "Ketertiban",
     "Satpol PP", "Gangguan ketertiban dan ketenteraman masyarakat.", "ribut,mabuk", 12, 3},
    {"kriminalitas", "Kriminalitas", "Crime", "Ketertiban", "Satpol PP",
     "Rawan kejahatan. Untuk keadaan darurat hubungi 110.", "pencurian,begal", 12, 7},
    {"kebakaran", "Kebakaran", "Fire", "Darurat", "Damkar",
     "Kebakaran atau bahaya kebakaran. Darurat: hubungi 113.", "api,terbakar", 1, 1},
    {"air-bersih", "Air bersih", "Clean water supply", "Layanan", "PDAM",
     "Air PDAM mati, keruh atau pipa bocor.", "PDAM,pipa,air mati", 12, 3},
    {"kesehatan", "Layanan kesehatan", "Health services", "Kesehatan", "Dinkes",
     "Keluhan puskesmas atau layanan kesehatan.", "puskesmas,BPJS", 24, 14},
    {"demam-berdarah", "Sarang nyamuk DBD", "Dengue breeding site", "Kesehatan", "Dinkes",
     "Genangan atau lingkungan yang menjadi sarang nyamuk demam berdarah.", "DBD,nyamuk,fogging",
     24, 7},
    {"sekolah", "Fasilitas sekolah", "School facilities", "Pendidikan", "Disdik",
     "Sarana sekolah negeri yang rusak atau tidak layak.", "sekolah,SD,SMP", 48, 30},
    {"adminduk", "Administrasi kependudukan", "Civil registration", "Pelayanan", "Disdukcapil",
     "KTP-el, KK, akta dan layanan dukcapil.", "KTP,KK,akta", 24, 14},
    {"sosial", "Masalah sosial", "Social issues", "Sosial", "Dinsos",
     "Anak jalanan, gelandangan, ODGJ terlantar.", "anjal,gelandangan,ODGJ", 24, 14},
    {"pelayanan-publik", "Pelayanan publik", "Public service complaint", "Pelayanan", "Setda",
     "Keluhan atas pelayanan perangkat daerah lainnya.", "pungli,pelayanan", 48, 14},
}};

std::vector<std::string> Keywords(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The extra questions (Open311 attributes) of the categories that have some.
std::vector<AttributeDef> DemoAttributes(std::string_view code) {
  using T = AttributeType;
  if (code == "jalan-rusak") {
    return {{.code = "tingkat_kerusakan", .type = T::kSingleValueList, .required = true,
             .order = 1, .description = "Seberapa parah kerusakannya?",
             .values = {{"ringan", "Ringan (retak)"}, {"sedang", "Sedang (berlubang)"},
                        {"berat", "Berat (amblas/tidak bisa dilalui)"}}},
            {.code = "lebar_lubang_cm", .type = T::kNumber, .order = 2,
             .description = "Perkiraan lebar lubang (cm)"}};
  }
  if (code == "banjir") {
    return {{.code = "kedalaman_cm", .type = T::kNumber, .required = true, .order = 1,
             .description = "Perkiraan kedalaman air (cm)"},
            {.code = "mulai", .type = T::kDatetime, .order = 2,
             .description = "Sejak kapan air menggenang?"}};
  }
  if (code == "pencemaran") {
    return {{.code = "jenis", .type = T::kMultiValueList, .required = true, .order = 1,
             .description = "Jenis pencemaran",
             .values = {{"air", "Air"}, {"udara", "Udara/asap"}, {"tanah", "Tanah"},
                        {"suara", "Kebisingan"}}}};
  }
  if (code == "lampu-jalan-mati") {
    return {{.code = "nomor_tiang", .type = T::kString, .order = 1,
             .description = "Nomor tiang PJU (jika terlihat)"}};
  }
  if (code == "air-bersih") {
    return {{.code = "nomor_pelanggan", .type = T::kString, .order = 1,
             .description = "Nomor pelanggan PDAM (jika ada)"},
            {.code = "keterangan", .type = T::kText, .order = 2,
             .description = "Sejak kapan dan seberapa sering?"}};
  }
  return {};
}

std::optional<int64_t> OpdId(const std::vector<regions::Opd>& opds, std::string_view short_name) {
  for (const auto& o : opds) {
    if (o.short_name == short_name) return o.id;
  }
  return std::nullopt;
}

Status DemoRules(ReportStore& reports, regions::RegionStore& regions,
                 const std::vector<regions::Opd>& opds) {
  KC_ASSIGN_OR_RETURN(auto existing, reports.ListRules(kDemoRegion, std::nullopt));
  if (!existing.empty()) return Ok();
  KC_ASSIGN_OR_RETURN(auto areas, regions.AreasUnder(kDemoRegion));
  const auto kecamatan = std::find_if(areas.begin(), areas.end(), [](const regions::Area& a) {
    return a.level == regions::AreaLevel::kKecamatan;
  });
  std::vector<RoutingRule> rules;
  if (auto bpbd = OpdId(opds, "BPBD")) {  // fallen trees block roads: BPBD clears them at once
    rules.push_back({.category_code = "pohon-tumbang", .opd_id = *bpbd});
  }
  if (auto satpol = OpdId(opds, "Satpol PP"); satpol && kecamatan != areas.end()) {
    rules.push_back({.category_code = "sampah-menumpuk", .area_code = kecamatan->code,
                     .opd_id = *satpol});
  }
  for (auto& rule : rules) {
    rule.region_code = std::string(kDemoRegion);
    std::promise<Status> done;
    reports.PutRule(rule, nullptr, [&done](Result<RoutingRule> r) {
      done.set_value(r.ok() ? Ok() : Status(std::move(r).error()));
    });
    KC_RETURN_IF_ERROR(done.get_future().get());
  }
  return Ok();
}

}  // namespace

Status RunDemo(store::Database& db, std::ostream& out) {
  regions::SqliteRegionStore regions(db);
  KC_ASSIGN_OR_RETURN(auto region, regions.FindRegion(kDemoRegion));
  if (!region) return Ok();
  SqliteReportStore reports(db);
  KC_ASSIGN_OR_RETURN(auto opds, regions.ListOpds(kDemoRegion));
  KC_ASSIGN_OR_RETURN(auto existing, reports.ListCategories(kDemoRegion, true));
  size_t added = 0;
  for (const DemoCategory& d : kCategories) {
    const bool present = std::any_of(existing.begin(), existing.end(),
                                     [&](const Category& c) { return c.code == d.code; });
    if (present) continue;
    KC_RETURN_IF_ERROR(reports.UpsertCategorySync(
        {.region_code = std::string(kDemoRegion), .code = std::string(d.code),
         .name_id = std::string(d.name_id), .name_en = std::string(d.name_en),
         .group = std::string(d.group), .description = std::string(d.description),
         .keywords = Keywords(d.keywords), .default_opd_id = OpdId(opds, d.opd),
         .sla_response_hours = d.response_hours, .sla_resolve_days = d.resolve_days,
         .attributes = DemoAttributes(d.code)}));
    ++added;
  }
  KC_ASSIGN_OR_RETURN(auto prefix, reports.TrackingPrefix(kDemoRegion));
  if (!prefix) KC_RETURN_IF_ERROR(reports.SetTrackingPrefixSync(kDemoRegion, kDemoPrefix));
  KC_RETURN_IF_ERROR(DemoRules(reports, regions, opds));
  if (added > 0) out << "kategori laporan demo Manado / demo report categories: " << added << "\n";
  return Ok();
}

}  // namespace kc::reports
