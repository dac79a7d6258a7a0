// Exports and signed webhooks against the real binary: CSV/GeoJSON/XLSX of filtered lists in
// the public and the private view, bad filters, and a webhook delivered to a tiny HTTP listener
// in this test (signature checked with libsodium), then a failing receiver whose retry is
// recorded in the delivery log.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

const std::string kJson = "Content-Type: application/json";
const std::string kBase = "/api/v1/regions/manado";

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

std::string Collection(const std::vector<std::string>& f) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < f.size(); ++i) out += (i > 0 ? "," : "") + f[i];
  return out + "]}";
}

json::object Obj(const std::string& body) {
  const json::value v = json::parse(body);
  return v.as_object();
}

// A receiver on 127.0.0.1 (ephemeral port): accepts one request per connection, records it
// and answers with `status`. Bounded: stops when destroyed.
class Listener {
 public:
  struct Received {
    std::map<std::string, std::string> headers;  // lowercase names
    std::string body;
  };

  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 8), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Loop(); });
  }
  ~Listener() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  uint16_t port() const { return port_; }
  std::atomic<int> status{200};

  // Waits up to 10 s for the n-th request (1-based).
  std::optional<Received> WaitFor(size_t n) {
    for (int i = 0; i < 1000; ++i) {
      {
        std::lock_guard lock(mu_);
        if (received_.size() >= n) return received_[n - 1];
      }
      std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
  }

 private:
  void Loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      Serve(c);
      ::close(c);
    }
  }
  void Serve(int c) {
    std::string data;
    char buf[4096];
    size_t need = std::string::npos;
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{c, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) return;
      data.append(buf, static_cast<size_t>(n));
      const size_t end = data.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      if (need == std::string::npos) need = end + 4 + ContentLength(data.substr(0, end));
      if (data.size() >= need) break;
    }
    Received r = Parse(data);
    {
      std::lock_guard lock(mu_);
      received_.push_back(std::move(r));
    }
    const std::string answer = "HTTP/1.1 " + std::to_string(status.load()) +
                               " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    ::send(c, answer.data(), answer.size(), MSG_NOSIGNAL);
  }
  static size_t ContentLength(const std::string& head) {
    std::smatch m;
    static const std::regex re("content-length:\\s*(\\d+)", std::regex::icase);
    return std::regex_search(head, m, re) ? std::stoul(m[1]) : 0;
  }
  static Received Parse(const std::string& data) {
    Received r;
    const size_t end = data.find("\r\n\r\n");
    r.body = end == std::string::npos ? "" : data.substr(end + 4);
    size_t pos = data.find("\r\n") + 2;
    while (pos < end) {
      const size_t eol = data.find("\r\n", pos);
      const std::string line = data.substr(pos, eol - pos);
      const size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
      pos = eol + 2;
    }
    return r;
  }

  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<Received> received_;  // guarded by mu_
  std::thread thread_;
};

std::string Hmac(const std::string& key, const std::string& msg) {
  crypto_auth_hmacsha256_state st;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(msg.data()),
                                msg.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

size_t CountLines(const std::string& csv) {
  size_t n = 0;
  for (size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++n;
  return n;
}

class ExportWebhookApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_GE(sodium_init(), 0);
    root_ = new fs::path(NewTempDir("export-webhook-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n");
    Write(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n");
    Write(areas / "villages.csv",
          "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n71.71.01.1002,71.71.01,Meras\n");
    Write(*root_ / "kec.geojson", Collection({Square("71.71.01", 124.80, 1.40, 124.85, 1.50)}));
    Write(*root_ / "kel.geojson",
          Collection({Square("71.71.01.1001", 124.80, 1.40, 124.85, 1.45),
                      Square("71.71.01.1002", 124.80, 1.45, 124.85, 1.50)}));
    const std::string data = (*root_ / "data").string();
    for (std::vector<std::string> args :
         {std::vector<std::string>{"areas", "import", "--source", areas.string()},
          {"region", "add", "71.71", "--timezone", "WITA"},
          {"boundaries", "import", (*root_ / "kec.geojson").string(), "--level", "kecamatan"},
          {"boundaries", "import", (*root_ / "kel.geojson").string(), "--level", "kelurahan"},
          {"demo"}}) {
      args.insert(args.end(), {"--data-dir", data});
      auto [rc, out] = RunCli(args);
      ASSERT_EQ(rc, 0) << args[0] << ": " << out;
    }
    server_ = new ServerProcess({}, *root_ / "data");
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(*root_);
    delete root_;
  }

  static HttpResponse Send(const std::string& method, const std::string& target,
                           const std::string& body, std::vector<std::string> headers = {}) {
    if (!body.empty()) headers.push_back(kJson);
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  static HttpResponse Get(const std::string& target, std::vector<std::string> headers = {}) {
    auto r = server_->Get(target, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // Submits a report; returns its tracking number.
  static std::string Submit(const std::string& description, double lat, bool is_public = true,
                            const std::string& phone = "") {
    json::object body{{"category", "sampah-menumpuk"},
                      {"description", description},
                      {"lat", lat},
                      {"lon", 124.82},
                      {"public", is_public}};
    if (!phone.empty()) body["contact"] = {{"name", "Ibu Rina"}, {"phone", phone}};
    auto r = Send("POST", kBase + "/reports", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? std::string(Obj(r.body).at("tracking").as_string()) : "";
  }
  static std::string AdminAuth() {
    auto r = Send("POST", "/api/v1/auth/login",
                  R"({"login":"diskominfo@demo.kotacerdas.id","password":"Demo-Diskominfo-2026"})");
    EXPECT_EQ(r.status, 200) << r.body;
    return "Authorization: Bearer " + std::string(Obj(r.body).at("token").as_string());
  }

  static fs::path* root_;
  static ServerProcess* server_;
};
fs::path* ExportWebhookApi::root_ = nullptr;
ServerProcess* ExportWebhookApi::server_ = nullptr;

TEST_F(ExportWebhookApi, CsvGeoJsonAndXlsxOfAFilteredList) {
  const std::string a =
      Submit("Ekspor-uji sampah di pasar Bersehati", 1.42, true, "0812-3456-7890");
  const std::string b = Submit("Ekspor-uji laporan rahasia dekat sekolah", 1.43, false);
  const std::string c = Submit("=cmd|' /C calc'!A0 Ekspor-uji sampah", 1.47);
  const std::string admin = AdminAuth();

  auto pub = Get(kBase + "/reports/export.csv?q=ekspor-uji");
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(std::regex_match(
      pub.Header("content-disposition"),
      std::regex(R"(attachment; filename="laporan-manado-\d{4}-\d{2}-\d{2}\.csv")")))
      << pub.Header("content-disposition");
  ASSERT_TRUE(
      pub.body.starts_with("\xEF\xBB\xBF"
                           "tracking,category,status,"));
  EXPECT_EQ(CountLines(pub.body), 3u);  // header + the two public reports
  EXPECT_NE(pub.body.find(a), std::string::npos);
  EXPECT_NE(pub.body.find(c), std::string::npos);
  EXPECT_EQ(pub.body.find(b), std::string::npos);                // private report
  EXPECT_EQ(pub.body.find("6281234567890"), std::string::npos);  // no personal data
  EXPECT_EQ(pub.body.find("contact_phone"), std::string::npos);
  EXPECT_NE(pub.body.find(",'=cmd|' /C calc'!A0 Ekspor-uji sampah,"), std::string::npos);

  auto priv = Get(kBase + "/reports/export.csv?q=ekspor-uji", {admin});
  ASSERT_EQ(priv.status, 200);
  EXPECT_EQ(CountLines(priv.body), 4u);
  EXPECT_NE(priv.body.find(b), std::string::npos);
  EXPECT_NE(priv.body.find(",contact_phone\r\n"), std::string::npos);
  EXPECT_NE(priv.body.find(",Ibu Rina,,'+6281234567890\r\n"), std::string::npos) << priv.body;

  auto meras = Get(kBase + "/reports/export.csv?q=ekspor-uji&kelurahan=71.71.01.1002", {admin});
  EXPECT_EQ(CountLines(meras.body), 2u);
  EXPECT_NE(meras.body.find(c), std::string::npos);
  auto newest = Get(kBase + "/reports/export.csv?q=ekspor-uji&limit=1", {admin});
  EXPECT_EQ(CountLines(newest.body), 2u);

  auto geo = Get(kBase + "/reports/export.geojson?q=ekspor-uji&status=diterima");
  ASSERT_EQ(geo.status, 200);
  EXPECT_EQ(geo.Header("content-type"), "application/geo+json");
  const auto fc = Obj(geo.body);
  EXPECT_EQ(fc.at("type"), "FeatureCollection");
  ASSERT_EQ(fc.at("features").as_array().size(), 2u);
  const auto& f = fc.at("features").as_array()[0];  // newest first: c
  EXPECT_EQ(f.at("id").as_string(), c);
  EXPECT_EQ(f.at("geometry").at("coordinates").as_array()[0].as_double(), 124.82);
  EXPECT_EQ(f.at("geometry").at("coordinates").as_array()[1].as_double(), 1.47);
  EXPECT_EQ(f.at("properties").at("kelurahan_code"), "71.71.01.1002");

  auto xlsx = Get(kBase + "/reports/export.xlsx?q=ekspor-uji", {admin});
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.Header("content-disposition").ends_with(".xlsx\""));
  ASSERT_TRUE(xlsx.body.starts_with("PK\x03\x04"));
  if (std::system("command -v unzip >/dev/null 2>&1") == 0) {
    const fs::path file = *root_ / "export.xlsx";
    Write(file, xlsx.body);
    const std::string sheet = (*root_ / "sheet.xml").string();
    ASSERT_EQ(
        std::system(("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml > '" + sheet + "'")
                        .c_str()),
        0);
    std::ifstream in(sheet);
    const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& t : {a, b, c}) EXPECT_NE(xml.find(">" + t + "<"), std::string::npos) << t;
    EXPECT_NE(xml.find("state=\"frozen\""), std::string::npos);
  }
}

TEST_F(ExportWebhookApi, BadFiltersAreRefused) {
  auto r =
      Get(kBase + "/reports/export.csv?status=bogus&bbox=1,2&limit=0", {"Accept-Language: en"});
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Obj(r.body).at("error").at("code"), "validation_failed");
  EXPECT_NE(r.body.find("\"status\""), std::string::npos);
  EXPECT_NE(r.body.find("\"bbox\""), std::string::npos);
  EXPECT_NE(r.body.find("\"limit\""), std::string::npos);
  EXPECT_EQ(Get(kBase + "/reports/export.geojson?limit=100001").status, 400);
  EXPECT_EQ(Get(kBase + "/reports/export.xlsx?from=kemarin").status, 400);
  EXPECT_EQ(Get("/api/v1/regions/atlantis/reports/export.csv").status, 404);
  EXPECT_EQ(Get(kBase + "/reports/export.pdf").status, 404);  // an unknown tracking number
}

TEST_F(ExportWebhookApi, SignedWebhookDeliveredThenRetriedAfterA500) {
  Listener listener;
  const std::string admin = AdminAuth();
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/kc";
  const std::string hooks = kBase + "/webhooks";
  EXPECT_EQ(Send("POST", hooks, R"({"url":"http://127.0.0.1:1/"})").status, 401);
  auto bad = Send("POST", hooks, R"({"url":"ftp://x","events":["report.deleted"]})", {admin});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("\"url\""), std::string::npos);
  EXPECT_NE(bad.body.find("\"events\""), std::string::npos);

  auto created =
      Send("POST", hooks, R"({"url":")" + url + R"(","events":["report.created"]})", {admin});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto hook = Obj(created.body);
  const std::string secret(hook.at("secret").as_string());
  const std::string id = std::to_string(hook.at("id").as_int64());
  auto list = Get(hooks, {admin});
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(secret), std::string::npos);  // shown once only
  EXPECT_NE(list.body.find(url), std::string::npos);

  const std::string tracking =
      Submit("Webhook-uji sampah menumpuk di jalan", 1.42, true, "0812-1111-2222");
  auto got = listener.WaitFor(1);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->headers["x-kotacerdas-event"], "report.created");
  const std::string ts = got->headers["x-kotacerdas-timestamp"];
  EXPECT_EQ(got->headers["x-kotacerdas-signature"], "sha256=" + Hmac(secret, ts + "." + got->body));
  EXPECT_NE(got->headers["x-kotacerdas-signature"],
            "sha256=" + Hmac("whsec_wrong", ts + "." + got->body));
  const auto body = Obj(got->body);
  EXPECT_EQ(body.at("type"), "report.created");
  EXPECT_EQ(body.at("region"), "71.71");
  EXPECT_EQ(body.at("tracking").as_string(), tracking);
  EXPECT_EQ(got->body.find("6281111"), std::string::npos);  // no personal data

  listener.status = 500;
  const std::string failing = Submit("Webhook-uji kedua, penerima sedang rusak", 1.42);
  ASSERT_TRUE(listener.WaitFor(2).has_value());
  json::object newest;
  for (int i = 0; i < 200; ++i) {  // the attempt is recorded just after the answer
    auto log = Get(hooks + "/" + id + "/deliveries", {admin});
    ASSERT_EQ(log.status, 200) << log.body;
    newest = Obj(log.body).at("items").as_array().at(0).as_object();
    if (newest.at("attempts").as_int64() == 1) break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(newest.at("tracking").as_string(), failing);
  EXPECT_EQ(newest.at("status"), "pending");
  EXPECT_EQ(newest.at("attempts"), 1);
  EXPECT_EQ(newest.at("last_status_code"), 500);
  EXPECT_TRUE(newest.at("next_attempt_at").is_string());  // about a minute later
  auto log = Obj(Get(hooks + "/" + id + "/deliveries", {admin}).body);
  const auto& first = log.at("items").as_array().at(1);
  EXPECT_EQ(first.at("status"), "delivered");
  EXPECT_EQ(first.at("last_status_code"), 200);
  EXPECT_EQ(first.at("id").as_string(), got->headers["x-kotacerdas-delivery"]);

  EXPECT_EQ(Send("DELETE", hooks + "/" + id, "", {admin}).status, 204);
  EXPECT_EQ(Get(hooks + "/" + id + "/deliveries", {admin}).status, 404);
  EXPECT_EQ(Send("DELETE", hooks + "/" + id, "", {admin}).status, 404);
}

}  // namespace
}  // namespace kc::testing
