// Report photos end to end against the real binary: multipart submission, photo URLs in the
// report, the immutable /media files without EXIF, refused images leaving neither a report nor
// a file, resolution photos by the report's OPD officer, Open311 media_url and media files, and
// a photo of an acknowledged report surviving kill -9.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kBase = "/api/v1/regions/manado";
const std::string kBoundary = "----kcPhotoTestBoundary";
const std::string kMultipart = "Content-Type: multipart/form-data; boundary=" + kBoundary;

// A 32 x 16 JPEG (left red, right blue) whose EXIF says Orientation 6 and carries a GPS
// latitude, as a phone writes it (made with libvips for this test).
std::string PhoneJpeg() {
  static const char kHex[] =
      "ffd8ffe1006445786966000049492a000800000002001201030001000000060000002588040001000000260000"
      "0000000000020001000200020000004e0000000200050003000000440000000000000001000000010000001900"
      "0000010000000000000001000000ffdb0043000d090a0b0a080d0b0a0b0e0e0d0f13201513121213271c1e1720"
      "2e2931302e292d2c333a4a3e333646372c2d405741464c4e525352323e5a615a50604a51524fffdb0043010e0e"
      "0e131113261515264f352d354f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f"
      "4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4fffc00011080010002003012200021101031101ffc4001f0000010501"
      "010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d"
      "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25"
      "262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a83"
      "8485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3"
      "d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f0100030101010101010101010000"
      "000000000102030405060708090a0bffc400b51100020102040403040705040400010277000102031104052131"
      "061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a3536"
      "3738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a"
      "92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9da"
      "e2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9faffda000c03010002110311003f00e7e8a28af18fd24c2a28a2bf62"
      "3f2a3fffd9";
  std::string out;
  for (size_t i = 0; kHex[i] != 0; i += 2) {
    out += static_cast<char>(std::stoi(std::string(kHex + i, 2), nullptr, 16));
  }
  return out;
}

struct Part {
  std::string name;
  std::string body;
  std::string filename;  // empty: a text field
  std::string type = "application/octet-stream";
};

std::string Multipart(const std::vector<Part>& parts) {
  std::string out;
  for (const auto& p : parts) {
    out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) out += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.type;
    out += "\r\n\r\n" + p.body + "\r\n";
  }
  return out + "--" + kBoundary + "--\r\n";
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string Square(const std::string& code, double x0, double y0, double x1, double y1) {
  auto pt = [](double x, double y) {
    return "[" + std::to_string(x) + "," + std::to_string(y) + "]";
  };
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + code +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) +
         "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}}";
}

json::object Obj(const HttpResponse& r) {
  const json::value v = json::parse(r.body);
  return v.as_object();
}

std::string ErrorSlug(const HttpResponse& r) {
  return std::string(json::parse(r.body).at("error").at("code").as_string());
}

class ReportPhotoApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("report-photo-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n");
    Write(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
    Write(*root_ / "kec.geojson", R"({"type":"FeatureCollection","features":[)" +
                                      Square("71.71.01", 124.80, 1.40, 124.90, 1.50) + "]}");
    Write(*root_ / "kel.geojson", R"({"type":"FeatureCollection","features":[)" +
                                      Square("71.71.01.1001", 124.80, 1.40, 124.90, 1.50) + "]}");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"areas", "import", "--source", areas.string()},
          {"region", "add", "71.71", "--timezone", "WITA"},
          {"boundaries", "import", (*root_ / "kec.geojson").string(), "--level", "kecamatan"},
          {"boundaries", "import", (*root_ / "kel.geojson").string(), "--level", "kelurahan"},
          {"demo"}}) {
      auto [rc, out] = Cli(args);
      ASSERT_EQ(rc, 0) << args[0] << ": " << out;
    }
    auto [rc, out] = Cli({"apikey", "add", "--region", "71.71", "--name", "open311"});
    ASSERT_EQ(rc, 0) << out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("kc_key_[A-Za-z0-9_-]+")));
    api_key_ = new std::string(m.str());
    server_ = new ServerProcess({}, *root_ / "data");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete api_key_;
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }
  static HttpResponse Send(const std::string& method, const std::string& target,
                           const std::string& body, const std::vector<std::string>& headers) {
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static HttpResponse Get(const std::string& target, const std::vector<std::string>& headers = {}) {
    auto r = server_->Get(target, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static std::string ReportJson(const std::string& category, const std::string& text) {
    json::object report{
        {"category", category}, {"description", text}, {"lat", 1.42}, {"lon", 124.82}};
    // The demo categories' required questions.
    if (category == "jalan-rusak") report["attributes"] = {{"tingkat_kerusakan", "berat"}};
    if (category == "banjir") report["attributes"] = {{"kedalaman_cm", 40}};
    return json::serialize(report);
  }
  static HttpResponse SubmitMultipart(const std::vector<Part>& parts,
                                      std::vector<std::string> headers = {}) {
    headers.push_back(kMultipart);
    return Send("POST", kBase + "/reports", Multipart(parts), headers);
  }
  static std::string Login(const std::string& login, const std::string& password) {
    auto r = Send("POST", "/api/v1/auth/login",
                  json::serialize(json::object{{"login", login}, {"password", password}}),
                  {"Content-Type: application/json"});
    EXPECT_EQ(r.status, 200) << r.body;
    return "Authorization: Bearer " + std::string(Obj(r).at("token").as_string());
  }
  // Every regular file under the media directory.
  static std::vector<fs::path> MediaFiles() {
    std::vector<fs::path> out;
    const fs::path media = *root_ / "data" / "media";
    if (!fs::exists(media)) return out;
    for (const auto& e : fs::recursive_directory_iterator(media)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
    return out;
  }
  // Orphan removal after a refused report runs right after the reply: give it a moment.
  static size_t MediaCountSettled(size_t expected) {
    for (int i = 0; i < 50 && MediaFiles().size() != expected; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return MediaFiles().size();
  }

  static fs::path* root_;
  static std::string* api_key_;
  static ServerProcess* server_;
};
fs::path* ReportPhotoApi::root_ = nullptr;
std::string* ReportPhotoApi::api_key_ = nullptr;
ServerProcess* ReportPhotoApi::server_ = nullptr;

TEST_F(ReportPhotoApi, SubmittedPhotoIsServedUprightWithoutExifAndCachedForever) {
  // The declared type lies (image/png): only the bytes count.
  auto r =
      SubmitMultipart({{"report", ReportJson("jalan-rusak", "Jalan berlubang besar dekat sekolah")},
                       {"photo", PhoneJpeg(), "IMG_0001.png", "image/png"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto created = Obj(r);
  const auto& photos = created.at("photos").as_array();
  ASSERT_EQ(photos.size(), 1u);
  const auto& photo = photos.at(0).as_object();
  const std::string url(photo.at("url").as_string());
  std::smatch m;
  ASSERT_TRUE(std::regex_match(url, m, std::regex("/media/([0-9a-f]{64})\\.jpg"))) << url;
  const std::string sha = m[1];
  EXPECT_EQ(photo.at("thumb_url").as_string(), "/media/" + sha + "_t.jpg");
  EXPECT_EQ(photo.at("width"), 16);  // turned upright by the EXIF orientation
  EXPECT_EQ(photo.at("height"), 32);
  EXPECT_EQ(photo.at("kind"), "report");

  auto view = Get(kBase + "/reports/" + std::string(created.at("tracking").as_string()));
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(Obj(view).at("photos"), created.at("photos"));

  auto file = Get(url);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.Header("content-type"), "image/jpeg");
  EXPECT_EQ(file.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(file.Header("etag"), "\"" + sha + "\"");
  EXPECT_EQ(file.body.substr(0, 3), "\xFF\xD8\xFF");
  EXPECT_EQ(file.body.find("Exif"), std::string::npos);
  EXPECT_EQ(file.body.find("\xFF\xE1"), std::string::npos);  // no APP1 segment at all
  std::ifstream stored(*root_ / "data" / "media" / sha.substr(0, 2) / (sha + ".jpg"),
                       std::ios::binary);
  std::stringstream bytes;
  bytes << stored.rdbuf();
  EXPECT_EQ(bytes.str(), file.body);
  EXPECT_EQ(Get("/media/" + sha + "_t.jpg").status, 200);
  EXPECT_EQ(Get(url, {"If-None-Match: \"" + sha + "\""}).status, 304);
  for (const std::string& bad :
       std::vector<std::string>{"/media/" + std::string(64, '0') + ".jpg", "/media/" + sha + ".png",
                                "/media/..%2Fkotacerdas.db", "/media/" + sha.substr(0, 2)}) {
    EXPECT_EQ(Get(bad).status, 404) << bad;
  }
}

TEST_F(ReportPhotoApi, RefusedPhotosLeaveNoReportAndNoFile) {
  const size_t before = MediaFiles().size();
  const std::string text = "Sampah liar menumpuk dekat jembatan kayu";
  auto fake =
      SubmitMultipart({{"report", ReportJson("sampah-menumpuk", text)},
                       {"photo", PhoneJpeg(), "a.jpg", "image/jpeg"},
                       {"photo", "\xFF\xD8\xFF<?php echo 1; ?> bukan foto", "b.jpg", "image/jpeg"}},
                      {"Accept-Language: en"});
  ASSERT_EQ(fake.status, 400) << fake.body;
  EXPECT_EQ(ErrorSlug(fake), "invalid_photo");
  EXPECT_NE(fake.body.find("photo[1]"), std::string::npos);
  auto unknown = SubmitMultipart(
      {{"report", ReportJson("tidak-ada", text)}, {"photo", PhoneJpeg(), "a.jpg", "image/jpeg"}});
  ASSERT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(MediaCountSettled(before), before);  // the valid photos were removed again
  auto list = Get(kBase + "/reports?q=jembatan%20kayu");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Obj(list).at("items").as_array().empty());

  std::vector<Part> six = {{"report", ReportJson("sampah-menumpuk", text)}};
  for (int i = 0; i < 6; ++i) six.push_back({"photo", PhoneJpeg(), "p.jpg", "image/jpeg"});
  EXPECT_EQ(SubmitMultipart(six).status, 400);
  auto broken = Send("POST", kBase + "/reports", "--" + kBoundary + "\r\nno headers", {kMultipart});
  ASSERT_EQ(broken.status, 400);
  EXPECT_EQ(ErrorSlug(broken), "malformed_multipart");
  EXPECT_EQ(SubmitMultipart({{"photo", PhoneJpeg(), "a.jpg"}}).status, 400);  // no report part
  EXPECT_EQ(MediaCountSettled(before), before);
}

TEST_F(ReportPhotoApi, ResolutionPhotosByTheReportsOpdOfficer) {
  auto road =
      SubmitMultipart({{"report", ReportJson("jalan-rusak", "Aspal amblas di tikungan pasar")}});
  ASSERT_EQ(road.status, 201) << road.body;
  const std::string tracking(Obj(road).at("tracking").as_string());
  EXPECT_EQ(Obj(road).at("opd").at("name"), "Dinas PUPR");
  const std::string target = kBase + "/reports/" + tracking + "/photos";
  const std::string body = Multipart({{"photo", PhoneJpeg(), "selesai.jpg", "image/jpeg"}});

  EXPECT_EQ(Send("POST", target, body, {kMultipart}).status, 401);
  EXPECT_EQ(
      Send("POST", target, body, {kMultipart, Login("warga@demo.kotacerdas.id", "Demo-Warga-2026")})
          .status,
      403);
  const std::string officer = Login("pupr@demo.kotacerdas.id", "Demo-Pupr-2026");
  auto added = Send("POST", target, body, {kMultipart, officer});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Obj(added).at("photos").as_array().at(0).at("kind"), "resolution");
  auto view = Get(kBase + "/reports/" + tracking);
  ASSERT_EQ(Obj(view).at("photos").as_array().size(), 1u);
  EXPECT_EQ(Obj(view).at("photos").as_array().at(0).at("kind"), "resolution");
  EXPECT_EQ(Send("POST", target, Multipart({}), {kMultipart, officer}).status, 400);  // 1..5

  auto trash = SubmitMultipart(
      {{"report", ReportJson("sampah-menumpuk", "Tumpukan sampah di pinggir kali")}});
  ASSERT_EQ(trash.status, 201);  // routed to Satpol PP, not the officer's OPD
  const std::string other =
      kBase + "/reports/" + std::string(Obj(trash).at("tracking").as_string()) + "/photos";
  EXPECT_EQ(Send("POST", other, body, {kMultipart, officer}).status, 403);
  EXPECT_EQ(Send("POST", other, body,
                 {kMultipart, Login("diskominfo@demo.kotacerdas.id", "Demo-Diskominfo-2026")})
                .status,
            201);  // the region admin may
}

TEST_F(ReportPhotoApi, Open311MediaUrlAndMediaFile) {
  const std::string v2 = "/open311/v2/requests.json";
  const std::string form = "api_key=" + *api_key_ +
                           "&jurisdiction_id=manado&service_code=jalan-rusak&lat=1.42&long=124.82"
                           "&description=Jalan+rusak+parah&attribute%5Btingkat_kerusakan%5D=berat";
  auto r = Send("POST", v2, form + "&media_url=https%3A%2F%2Fcdn.example.org%2Fa.jpg",
                {"Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id(json::parse(r.body).at(0).at("service_request_id").as_string());
  auto got = Get(v2 + "?jurisdiction_id=manado&service_request_id=" + id);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(json::parse(got.body).at(0).at("media_url"), "https://cdn.example.org/a.jpg");
  auto bad = Send("POST", v2, form + "&media_url=javascript%3Aalert(1)",
                  {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(bad.status, 400) << bad.body;

  auto file = Send("POST", v2 + "?api_key=" + *api_key_,
                   Multipart({{"jurisdiction_id", "manado"},
                              {"service_code", "jalan-rusak"},
                              {"lat", "1.42"},
                              {"long", "124.82"},
                              {"attribute[tingkat_kerusakan]", "sedang"},
                              {"description", "Jalan rusak dengan foto"},
                              {"media", PhoneJpeg(), "foto.jpg", "image/jpeg"}}),
                   {kMultipart});
  ASSERT_EQ(file.status, 201) << file.body;
  const std::string with_photo(json::parse(file.body).at(0).at("service_request_id").as_string());
  auto listed = Get(v2 + "?jurisdiction_id=manado&service_request_id=" + with_photo);
  const std::string media_url(json::parse(listed.body).at(0).at("media_url").as_string());
  EXPECT_TRUE(std::regex_match(media_url, std::regex("http://localhost/media/[0-9a-f]{64}\\.jpg")))
      << media_url;
  EXPECT_EQ(Get(media_url.substr(std::string("http://localhost").size())).status, 200);
}

TEST_F(ReportPhotoApi, PhotoOfAnAcknowledgedReportSurvivesKill9) {
  auto r =
      SubmitMultipart({{"report", ReportJson("banjir", "Genangan setinggi lutut di jalan utama")},
                       {"photo", PhoneJpeg(), "banjir.jpg", "image/jpeg"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string tracking(Obj(r).at("tracking").as_string());
  const std::string url(Obj(r).at("photos").at(0).at("url").as_string());
  server_->Signal(SIGKILL);
  server_->Wait();
  server_->Restart();
  auto view = Get(kBase + "/reports/" + tracking);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(Obj(view).at("photos").at(0).at("url").as_string(), url);
  EXPECT_EQ(Get(url).status, 200);
}

}  // namespace
}  // namespace kc::testing
