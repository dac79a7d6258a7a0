// The community module against the real binary: agent roster and tenancy, referral claims and
// adoption figures, KIM groups, announcement audiences, channel membership and history, and a
// raw RFC 6455 WebSocket client receiving a posted message (live and by catch-up).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kPassword = "Sandi-Kuat-2026";

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}
json::value Body(const HttpResponse& r) { return json::parse(r.body); }
std::string Code(const HttpResponse& r) {
  auto v = json::parse(r.body);
  return v.as_object().contains("error") ? std::string(v.at("error").at("code").as_string()) : "";
}

// A minimal WebSocket client: the RFC 6455 handshake and unmasked server text frames.
class WsClient {
 public:
  WsClient(uint16_t port, const std::string& target, const std::string& auth) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
    const std::string req = "GET " + target +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n" +
                            auth + "\r\n\r\n";
    ::send(fd_, req.data(), req.size(), MSG_NOSIGNAL);
    while (buf_.find("\r\n\r\n") == std::string::npos) {
      if (!Fill(std::chrono::seconds(10))) return;
    }
    const size_t end = buf_.find("\r\n\r\n") + 4;
    head_ = buf_.substr(0, end);
    buf_.erase(0, end);
  }
  ~WsClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  // "HTTP/1.1 101 Switching Protocols\r\n..." or the refusal's head.
  const std::string& head() const { return head_; }
  bool upgraded() const { return head_.starts_with("HTTP/1.1 101"); }
  // The next text frame's payload, or nullopt on timeout/close.
  std::optional<std::string> ReadText(
      std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    while (true) {
      if (buf_.size() >= 2) {
        const auto b1 = static_cast<unsigned char>(buf_[1]);
        size_t len = b1 & 0x7f, at = 2;
        if (len == 126 && buf_.size() >= 4) {
          len = (static_cast<unsigned char>(buf_[2]) << 8) | static_cast<unsigned char>(buf_[3]);
          at = 4;
        }
        if (len < 126 || at == 4) {
          if (buf_.size() >= at + len) {
            const auto opcode = static_cast<unsigned char>(buf_[0]) & 0x0f;
            std::string payload = buf_.substr(at, len);
            buf_.erase(0, at + len);
            if (opcode == 1) return payload;
            if (opcode == 8) return std::nullopt;
            continue;  // ping/pong
          }
        }
      }
      if (!Fill(timeout)) return std::nullopt;
    }
  }

 private:
  bool Fill(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char tmp[4096];
    const ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }
  int fd_ = -1;
  std::string buf_, head_;
};

class CommunityApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("community-api"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    Write(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
    Write(areas / "regencies.csv",
          "code,province_code,name\n71.71,71,Kota Manado\n71.74,71,Kota Kotamobagu\n");
    Write(areas / "districts.csv",
          "code,regency_code,name\n71.71.01,71.71,Bunaken\n71.71.02,71.71,Tuminting\n"
          "71.74.01,71.74,Kotamobagu Barat\n");
    Write(areas / "villages.csv",
          "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n71.71.02.1001,71.71.02,"
          "Tuminting\n");
    ASSERT_EQ(Cli({"areas", "import", "--source", areas.string()}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.71"}).first, 0);
    ASSERT_EQ(Cli({"region", "add", "71.74"}).first, 0);
    AddUser("admin@manado.id", {"--role", "region_admin", "--region", "71.71"});
    AddUser("admin@kotamobagu.id", {"--role", "region_admin", "--region", "71.74"});
    agent_user_ = AddUser("agen1@manado.id",
                          {"--role", "agent", "--region", "71.71", "--kecamatan", "71.71.01"});
    AddUser("agen2@manado.id", {"--role", "agent", "--region", "71.71", "--kecamatan", "71.71.02"});
    AddUser("kim@manado.id",
            {"--role", "kim_member", "--region", "71.71", "--kelurahan", "71.71.01.1001"});
    AddUser("kim2@manado.id",
            {"--role", "kim_member", "--region", "71.71", "--kelurahan", "71.71.02.1001"});
    for (const char* w : {"warga1@manado.id", "warga2@manado.id", "warga3@manado.id"}) {
      AddUser(w, {"--role", "citizen", "--region", "71.71"});
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }
  static int64_t AddUser(const std::string& email, std::vector<std::string> role) {
    std::vector<std::string> args = {"user",    "add", "--name",     "User " + email,
                                     "--email", email, "--password", kPassword};
    args.insert(args.end(), role.begin(), role.end());
    auto r = Cli(args);
    EXPECT_EQ(r.first, 0) << r.second;
    return std::stoll(
        std::regex_replace(r.second, std::regex("^[^:]*: (\\d+)\\t[\\s\\S]*$"), "$1"));
  }

  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, *root_ / "data");
  }

  // Signs in; returns "Authorization: Bearer ..." (bearer requests need no CSRF token).
  std::string As(const std::string& email) {
    auto r = server_->Send("POST", "/api/v1/auth/login",
                           json::serialize(json::object{{"login", email}, {"password", kPassword}}),
                           {kJson});
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    return r ? "Authorization: Bearer " + std::string(Body(*r).at("token").as_string()) : "";
  }
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& auth,
                    const std::string& body = "") {
    std::vector<std::string> headers;
    if (!auth.empty()) headers.push_back(auth);
    if (!body.empty()) headers.push_back(kJson);
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // Creates an agent as the Manado admin; returns its JSON.
  json::object NewAgent(const std::string& admin, const std::string& body) {
    auto r = Send("POST", "/api/v1/regions/manado/agents", admin, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Body(r).as_object() : json::object{};
  }
  int64_t ChannelId(const std::string& auth, const std::string& slug) {
    auto r = Send("GET", "/api/v1/regions/manado/channels", auth);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = Body(r);  // keeps the parsed document alive through the loop
    for (const auto& c : body.at("items").as_array()) {
      if (c.at("slug").as_string() == slug) return c.at("id").as_int64();
    }
    return 0;
  }

  static fs::path* root_;
  static int64_t agent_user_;
  std::unique_ptr<ServerProcess> server_;
};
fs::path* CommunityApi::root_ = nullptr;
int64_t CommunityApi::agent_user_ = 0;

TEST_F(CommunityApi, RosterCrudAndTenancy) {
  const std::string admin = As("admin@manado.id");
  auto a = NewAgent(
      admin, R"({"name":"Reinhard Wowor","kecamatan_code":"71.71.01","phone":"+628124300001",)"
             R"("user_id":)" +
                 std::to_string(agent_user_) + R"(,"target_signups":40})");
  ASSERT_FALSE(a.empty());
  const std::string code(a.at("referral_code").as_string());
  EXPECT_TRUE(std::regex_match(code, std::regex("[2-9A-HJKMNP-Z]{6}"))) << code;
  const std::string share(a.at("share_link").as_string());
  EXPECT_TRUE(share.starts_with("https://") && share.ends_with("/r/manado?ref=" + code)) << share;
  EXPECT_TRUE(a.at("whatsapp_link").as_string().starts_with("https://wa.me/?text="));
  const std::string id = std::to_string(a.at("id").as_int64());

  // Bad input: unknown kecamatan, a kecamatan of another region, a kelurahan outside it.
  auto bad = Send(
      "POST", "/api/v1/regions/manado/agents", admin,
      R"({"name":"X Y","kecamatan_code":"71.74.01","kelurahan_code":"71.71.02.1001","joined_on":"2026-02-30","extra":1})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad).at("error").at("details").as_array().size(), 4u) << bad.body;

  auto patched =
      Send("PATCH", "/api/v1/regions/manado/agents/" + id, admin, R"({"status":"inactive"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Body(patched).at("status").as_string(), "inactive");
  EXPECT_EQ(Body(patched).at("referral_code").as_string(), code);  // codes never change
  Send("PATCH", "/api/v1/regions/manado/agents/" + id, admin, R"({"status":"active"})");

  auto training =
      Send("POST", "/api/v1/regions/manado/trainings", admin,
           R"({"held_on":"2026-03-14","topic":"Bimtek Agen","attendance":[{"agent_id":)" + id +
               R"(,"attended":true}]})");
  ASSERT_EQ(training.status, 201) << training.body;
  EXPECT_EQ(
      Send(
          "POST", "/api/v1/regions/manado/trainings", admin,
          R"({"held_on":"2026-03-14","topic":"Bimtek","attendance":[{"agent_id":999,"attended":true}]})")
          .status,
      400);

  // The agent sees its own profile with trainings and a QR code; not the roster.
  const std::string agent = As("agen1@manado.id");
  auto me = Send("GET", "/api/v1/regions/manado/agents/me", agent);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Body(me).at("referral_code").as_string(), code);
  EXPECT_EQ(Body(me).at("trainings").at(0).at("attended").as_bool(), true);
  auto qr = Send("GET", "/api/v1/regions/manado/agents/me/qr.svg", agent);
  EXPECT_EQ(qr.status, 200);
  EXPECT_EQ(qr.Header("content-type"), "image/svg+xml");
  EXPECT_TRUE(qr.body.starts_with("<svg")) << qr.body.substr(0, 100);
  EXPECT_EQ(Send("GET", "/api/v1/regions/manado/agents", agent).status, 403);
  EXPECT_EQ(Send("GET", "/api/v1/regions/manado/agents/me", As("agen2@manado.id")).status, 404);

  // Another region's admin: hidden region data (404 from the guard), anonymous 401.
  const std::string other = As("admin@kotamobagu.id");
  const int cross = Send("GET", "/api/v1/regions/manado/agents", other).status;
  EXPECT_TRUE(cross == 403 || cross == 404) << cross;
  EXPECT_EQ(Send("PATCH", "/api/v1/regions/manado/agents/" + id, other, R"({"status":"inactive"})")
                .status,
            cross);
  EXPECT_EQ(Send("GET", "/api/v1/regions/manado/agents", "").status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/regions/kotamobagu/agents/" + id, other).status,
            404);  // not theirs
  auto list = Send("GET", "/api/v1/regions/manado/agents?kecamatan=71.71.01", admin);
  EXPECT_EQ(Body(list).at("items").as_array().size(), 1u);
}

TEST_F(CommunityApi, ReferralClaimAndAdoption) {
  const std::string admin = As("admin@manado.id");
  auto a1 = NewAgent(admin, R"({"name":"Agen Satu","kecamatan_code":"71.71.02"})");
  auto a2 = NewAgent(admin, R"({"name":"Agen Dua","kecamatan_code":"71.71.02"})");
  const std::string c1(a1.at("referral_code").as_string()), c2(a2.at("referral_code").as_string());
  const std::string w1 = As("warga1@manado.id"), w2 = As("warga2@manado.id");
  const std::string claim = "/api/v1/regions/manado/referrals/claim";
  // Lower case and a dash are accepted.
  std::string typed = c1;
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  typed.insert(3, "-");
  auto ok = Send("POST", claim, w1, R"({"code":")" + typed + R"("})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Code(Send("POST", claim, w1, R"({"code":")" + c2 + R"("})")), "already_attributed");
  EXPECT_EQ(Code(Send("POST", claim, w2, R"({"code":"ZZZZZZ"})")), "referral_not_found");
  EXPECT_EQ(Send("POST", claim, w2, R"({"code":"0O1"})").status, 400);
  EXPECT_EQ(Send("POST", claim, "", R"({"code":")" + c2 + R"("})").status, 401);
  ASSERT_EQ(Send("POST", claim, w2, R"({"code":")" + c2 + R"("})").status, 201);
  EXPECT_EQ(Send("POST", claim, As("warga3@manado.id"), R"({"code":")" + c1 + R"("})").status, 201);

  auto adoption = Send("GET", "/api/v1/regions/manado/community/adoption", admin);
  ASSERT_EQ(adoption.status, 200) << adoption.body;
  const auto body = Body(adoption);
  EXPECT_GE(body.at("total").at("signups").as_int64(), 3);
  std::map<int64_t, int64_t> signups;
  for (const auto& x : body.at("agents").as_array())
    signups[x.at("agent_id").as_int64()] = x.at("signups").as_int64();
  EXPECT_EQ(signups[a1.at("id").as_int64()], 2);
  EXPECT_EQ(signups[a2.at("id").as_int64()], 1);
  int64_t kec02 = -1;
  for (const auto& k : body.at("kecamatan").as_array()) {
    if (k.at("kecamatan_code").as_string() == "71.71.02") kec02 = k.at("signups").as_int64();
  }
  EXPECT_EQ(kec02, 3);
  int64_t weekly = 0;
  for (const auto& w : body.at("weeks").as_array()) weekly += w.at("signups").as_int64();
  EXPECT_EQ(weekly, body.at("total").at("signups").as_int64());
  EXPECT_EQ(Send("GET", "/api/v1/regions/manado/community/adoption?from=2026-13-01", admin).status,
            400);
  EXPECT_EQ(Send("GET", "/api/v1/regions/manado/community/adoption", w1).status, 403);
}

TEST_F(CommunityApi, KimGroups) {
  const std::string admin = As("admin@manado.id");
  auto g = Send(
      "POST", "/api/v1/regions/manado/kim", admin,
      R"({"name":"KIM Molas Cerdas","kelurahan_code":"71.71.01.1001","sk_number":"188/12/2026",)"
      R"("sk_date":"2026-02-02","chair":"Yuliana","contact":"+6281243001234"})");
  ASSERT_EQ(g.status, 201) << g.body;
  const std::string id = std::to_string(Body(g).at("id").as_int64());
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim", admin,
                 R"({"name":"KIM Luar","kelurahan_code":"71.71.01"})")
                .status,
            400);  // a kecamatan
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/members", admin,
                 R"({"name":"Yuliana","role":"ketua"})")
                .status,
            201);
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/members", admin,
                 R"({"name":"Budi","role":"raja"})")
                .status,
            400);
  // KIM members publish for their own kelurahan only; agents not at all.
  const std::string activity =
      R"({"held_on":"2026-04-20","title":"Sosialisasi aplikasi","kind":"sosialisasi","attendees":42})";
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/activities", As("kim@manado.id"),
                 activity)
                .status,
            201);
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/activities", As("kim2@manado.id"),
                 activity)
                .status,
            403);
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/activities", As("agen1@manado.id"),
                 activity)
                .status,
            403);
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/kim/" + id + "/info", As("kim@manado.id"),
                 R"({"title":"Jadwal posyandu","body":"Sabtu pertama"})")
                .status,
            201);
  // Public directory: no contact details.
  auto pub = Send("GET", "/api/v1/regions/manado/kim", "");
  ASSERT_EQ(pub.status, 200);
  const auto item = Body(pub).at("items").at(0).as_object();
  EXPECT_EQ(item.at("member_count").as_int64(), 1);
  EXPECT_FALSE(item.contains("contact"));
  auto detail = Body(Send("GET", "/api/v1/regions/manado/kim/" + id, ""));
  EXPECT_EQ(detail.at("activities").as_array().size(), 1u);
  EXPECT_EQ(detail.at("info").at(0).at("title").as_string(), "Jadwal posyandu");
  EXPECT_FALSE(detail.at("members").at(0).as_object().contains("phone"));
  EXPECT_EQ(Send("GET", "/api/v1/regions/kotamobagu/kim/" + id, "").status, 404);
}

TEST_F(CommunityApi, AnnouncementAudiences) {
  const std::string admin = As("admin@manado.id");
  auto post = [&](const std::string& body) {
    return Send("POST", "/api/v1/regions/manado/announcements", admin, body);
  };
  ASSERT_EQ(post(R"({"title":"Untuk semua","body":"b","pinned":true})").status, 201);
  ASSERT_EQ(post(R"({"title":"Untuk agen","body":"b","audience":"agents"})").status, 201);
  ASSERT_EQ(
      post(
          R"({"title":"Untuk Bunaken","body":"b","audience":"kecamatan","kecamatan_code":"71.71.01"})")
          .status,
      201);
  auto kim = post(R"({"title":"Untuk KIM","body":"b","audience":"kim"})");
  ASSERT_EQ(kim.status, 201);
  EXPECT_EQ(post(R"({"title":"Salah","body":"b","audience":"kecamatan"})").status, 400);
  EXPECT_EQ(
      post(
          R"({"title":"Salah","body":"b","publish_at":"2026-12-01T00:00:00Z","expires_at":"2026-11-01T00:00:00Z"})")
          .status,
      400);
  EXPECT_EQ(Send("POST", "/api/v1/regions/manado/announcements", As("agen1@manado.id"),
                 R"({"title":"Agen","body":"b"})")
                .status,
            403);
  auto titles = [&](const std::string& auth) {
    std::vector<std::string> out;
    const auto body = Body(Send("GET", "/api/v1/regions/manado/announcements", auth));
    for (const auto& a : body.at("items").as_array()) {
      out.emplace_back(a.at("title").as_string());
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(titles(""), V{"Untuk semua"});
  EXPECT_EQ(titles(As("warga1@manado.id")), V{"Untuk semua"});
  EXPECT_EQ(titles(As("agen1@manado.id")), (V{"Untuk semua", "Untuk Bunaken", "Untuk agen"}));
  EXPECT_EQ(titles(As("agen2@manado.id")), (V{"Untuk semua", "Untuk agen"}));
  EXPECT_EQ(titles(As("kim@manado.id")), (V{"Untuk semua", "Untuk KIM", "Untuk Bunaken"}));
  EXPECT_EQ(titles(admin).size(), 4u);
  // Expire the KIM one now: it disappears.
  const std::string kid = std::to_string(Body(kim).at("id").as_int64());
  ASSERT_EQ(
      Send("PATCH", "/api/v1/regions/manado/announcements/" + kid, admin, R"({"expires_at":"now"})")
          .status,
      200);
  EXPECT_EQ(titles(As("kim@manado.id")), (V{"Untuk semua", "Untuk Bunaken"}));
}

TEST_F(CommunityApi, ChannelsHistoryAndWebSocket) {
  const std::string admin = As("admin@manado.id");
  NewAgent(
      admin,
      R"({"name":"Agen Bunaken","kecamatan_code":"71.71.01"})");  // creates agen, agen-71.71.01
  ASSERT_EQ(
      Send("POST", "/api/v1/regions/manado/channels", admin, R"({"kind":"diskominfo"})").status,
      201);
  const std::string agent1 = As("agen1@manado.id"), agent2 = As("agen2@manado.id");
  const int64_t kec01 = ChannelId(agent1, "agen-71.71.01");
  ASSERT_GT(kec01, 0);
  EXPECT_EQ(ChannelId(agent2, "agen-71.71.01"), 0);  // not listed for the other kecamatan's agent
  EXPECT_EQ(ChannelId(agent1, "diskominfo"), 0);
  const std::string path = "/api/v1/regions/manado/channels/" + std::to_string(kec01);
  EXPECT_EQ(Send("GET", path + "/messages", agent2).status, 403);
  EXPECT_EQ(Send("POST", path + "/messages", agent2, R"({"body":"halo"})").status, 403);
  EXPECT_EQ(Send("POST", path + "/messages", As("kim@manado.id"), R"({"body":"halo"})").status,
            403);

  auto first = Send("POST", path + "/messages", agent1,
                    R"({"body":"Rapat <script>alert(1)</script> jam 9"})");
  ASSERT_EQ(first.status, 201) << first.body;
  const int64_t first_id = Body(first).at("id").as_int64();
  EXPECT_EQ(Send("POST", path + "/messages", agent1, R"({"body":""})").status, 400);
  EXPECT_EQ(
      Send("POST", path + "/messages", agent1, R"({"body":")" + std::string(2001, 'a') + R"("})")
          .status,
      400);

  // Live delivery to a connected member.
  WsClient ws(server_->port(), path + "/ws", agent1);
  ASSERT_TRUE(ws.upgraded()) << ws.head();
  auto second = Send("POST", path + "/messages", admin, R"({"body":"Diterima, terima kasih"})");
  ASSERT_EQ(second.status, 201);
  auto frame = ws.ReadText();
  ASSERT_TRUE(frame.has_value());
  auto msg = json::parse(*frame);
  EXPECT_EQ(msg.at("type").as_string(), "message");
  EXPECT_EQ(msg.at("message").at("body").as_string(), "Diterima, terima kasih");
  EXPECT_EQ(msg.at("message").at("id").as_int64(), Body(second).at("id").as_int64());

  // Reconnect with the last id seen before: the missed message comes first (catch-up).
  WsClient again(server_->port(), path + "/ws?after=" + std::to_string(first_id), agent1);
  ASSERT_TRUE(again.upgraded()) << again.head();
  auto missed = again.ReadText();
  ASSERT_TRUE(missed.has_value());
  EXPECT_EQ(json::parse(*missed).at("message").at("body").as_string(), "Diterima, terima kasih");

  // Upgrades are authorised like requests; plain GETs are told to upgrade.
  WsClient outsider(server_->port(), path + "/ws", agent2);
  EXPECT_TRUE(outsider.head().starts_with("HTTP/1.1 403")) << outsider.head();
  WsClient anonymous(server_->port(), path + "/ws", "X-Anonymous: 1");
  EXPECT_TRUE(anonymous.head().starts_with("HTTP/1.1 401")) << anonymous.head();
  EXPECT_EQ(Send("GET", path + "/ws", agent1).status, 426);

  // History: newest first, then older by cursor; the script text is stored as written and
  // only ever sent JSON-escaped.
  auto history = Body(Send("GET", path + "/messages?limit=1", agent1));
  EXPECT_EQ(history.at("items").at(0).at("body").as_string(), "Diterima, terima kasih");
  const auto next = history.at("next").as_int64();
  auto older = Body(Send("GET", path + "/messages?before=" + std::to_string(next), agent1));
  EXPECT_EQ(older.at("items").at(0).at("body").as_string(),
            "Rapat <script>alert(1)</script> jam 9");

  // Flooding is rate-limited (a burst of 10 per user and channel).
  int limited = 0;
  for (int i = 0; i < 15; ++i)
    limited += Send("POST", path + "/messages", agent1, R"({"body":"spam"})").status == 429;
  EXPECT_GT(limited, 0);
}

}  // namespace
}  // namespace kc::testing
