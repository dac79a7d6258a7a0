#include "manado_api.h"

#include <fstream>

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string Square(const std::string& code, double x0, double y0, double x1, double y1) {
  auto pt = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return R"({"type":"Feature","properties":{"code":")" + code + R"(","name":")" + code +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) +
         "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}}";
}

std::string Collection(const std::vector<std::string>& f) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < f.size(); ++i) out += (i > 0 ? "," : "") + f[i];
  return out + "]}";
}

}  // namespace

json::object JsonOf(const HttpResponse& r) {
  boost::system::error_code ec;
  const json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

std::string ErrorCodeOf(const HttpResponse& r) {
  const auto doc = JsonOf(r);
  const auto* error = doc.if_contains("error");
  if (error == nullptr || !error->is_object()) return "";
  return std::string(error->at("code").as_string());
}

std::vector<std::string> ErrorFieldsOf(const HttpResponse& r) {
  std::vector<std::string> out;
  const auto doc = JsonOf(r);
  const auto* error = doc.if_contains("error");
  if (error == nullptr || !error->as_object().contains("details")) return out;
  for (const auto& d : error->at("details").as_array()) out.emplace_back(d.at("field").as_string());
  return out;
}

fs::path* ManadoApi::root_ = nullptr;
ServerProcess* ManadoApi::server_ = nullptr;

void ManadoApi::SetUpTestSuite() {
  root_ = new fs::path(NewTempDir("manado-api"));
  const fs::path areas = *root_ / "areas";
  fs::create_directories(areas);
  Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
  Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n");
  Write(areas / "districts.csv",
        "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.71.02,71.71,Tuminting\n");
  Write(areas / "villages.csv",
        "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n71.71.01.1002,71.71.01,Meras\n"
        "71.71.02.1001,71.71.02,Tuminting\n71.71.02.1002,71.71.02,Sumompo\n");
  Write(*root_ / "kec.geojson", Collection({Square("71.71.01", 124.80, 1.40, 124.85, 1.50),
                                            Square("71.71.02", 124.85, 1.40, 124.90, 1.50)}));
  Write(*root_ / "kel.geojson", Collection({Square("71.71.01.1001", 124.80, 1.40, 124.85, 1.45),
                                            Square("71.71.01.1002", 124.80, 1.45, 124.85, 1.50),
                                            Square("71.71.02.1001", 124.85, 1.40, 124.90, 1.50)}));
  for (std::vector<std::string> args :
       {std::vector<std::string>{"areas", "import", "--source", areas.string()},
        {"region", "add", "71.71", "--timezone", "WITA"},
        {"boundaries", "import", (*root_ / "kec.geojson").string(), "--level", "kecamatan"},
        {"boundaries", "import", (*root_ / "kel.geojson").string(), "--level", "kelurahan"},
        {"demo"}}) {
    auto [rc, out] = Cli(args);
    ASSERT_EQ(rc, 0) << args[0] << ": " << out;
  }
  server_ = new ServerProcess({}, *root_ / "data");
}

void ManadoApi::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
  fs::remove_all(*root_);
  delete root_;
  root_ = nullptr;
}

std::pair<int, std::string> ManadoApi::Cli(std::vector<std::string> args) {
  args.push_back("--data-dir");
  args.push_back((*root_ / "data").string());
  return RunCli(args);
}

HttpResponse ManadoApi::Send(const std::string& method, const std::string& target,
                             const std::string& body, std::vector<std::string> headers) {
  if (!body.empty()) headers.push_back(kJsonType);
  auto r = server_->Send(method, target, body, headers);
  EXPECT_TRUE(r.has_value()) << method << " " << target;
  return r.value_or(HttpResponse{});
}

HttpResponse ManadoApi::Get(const std::string& target, std::vector<std::string> headers) {
  auto r = server_->Get(target, headers);
  EXPECT_TRUE(r.has_value()) << target;
  return r.value_or(HttpResponse{});
}

std::string ManadoApi::Login(const std::string& login, const std::string& password) {
  json::object body{{"login", login}, {"password", password}};
  auto r = Send("POST", "/api/v1/auth/login", json::serialize(body));
  EXPECT_EQ(r.status, 200) << r.body;
  const auto doc = JsonOf(r);
  const auto* token = doc.if_contains("token");
  return "Authorization: Bearer " + (token ? std::string(token->as_string()) : std::string());
}

}  // namespace kc::testing
