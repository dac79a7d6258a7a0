// Review comments on the demo Manado masterplan against the real binary: the consultant requests
// changes on a program, the OPD officer who owns it answers and edits it, other roles are
// refused, bad input names the field and stores nothing, resolving is idempotent, and the
// program's history shows the edit next to the comments.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kJson = "Content-Type: application/json";
const std::string kPassword = "Sandi-Kuat-2026";

json::value Body(const HttpResponse& r) {
  try {
    return json::parse(r.body);
  } catch (...) {
    return nullptr;
  }
}

std::vector<std::string> Fields(const HttpResponse& r) {
  std::vector<std::string> out;
  const json::value v = Body(r);
  if (!v.is_object() || !v.as_object().contains("error")) return out;
  for (const auto& d : v.at("error").at("details").as_array())
    out.emplace_back(d.at("field").as_string());
  return out;
}

std::string Code(const HttpResponse& r) {
  const json::value v = Body(r);
  if (!v.is_object() || !v.as_object().contains("error")) return "";
  return std::string(v.at("error").at("code").as_string());
}

class MasterplanCommentsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(NewTempDir("masterplan-comments"));
    const fs::path areas = *root_ / "areas";
    fs::create_directories(areas);
    std::ofstream(areas / "provinces.csv") << "code,name\n71,Sulawesi Utara\n";
    std::ofstream(areas / "regencies.csv") << "code,province_code,name\n71.71,71,Kota Manado\n";
    std::ofstream(areas / "districts.csv") << "code,regency_code,name\n71.71.01,71.71,Bunaken\n";
    std::ofstream(areas / "villages.csv")
        << "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n";
    for (std::vector<std::string> args :
         {std::vector<std::string>{"areas", "import", "--source", areas.string()},
          {"region", "add", "71.71", "--timezone", "WITA"},
          {"demo"}}) {
      auto [rc, out] = Cli(args);
      ASSERT_EQ(rc, 0) << args[0] << ": " << out;
    }
    server_ = new ServerProcess({}, *root_ / "data");
    // An officer of another OPD (Diskominfo, the owner of "Satu Data Manado").
    const std::string opd = std::to_string(Program("Satu Data Manado").second);
    auto [rc, out] =
        Cli({"user", "add", "--name", "Petugas Diskominfo", "--email", "kominfo@manado.id",
             "--password", kPassword, "--role", "opd_officer", "--region", "71.71", "--opd", opd});
    ASSERT_EQ(rc, 0) << out;
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(*root_);
    delete root_;
  }
  static std::pair<int, std::string> Cli(std::vector<std::string> args) {
    args.push_back("--data-dir");
    args.push_back((*root_ / "data").string());
    return RunCli(args);
  }
  static HttpResponse Send(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& auth) {
    std::vector<std::string> headers;
    if (!body.empty()) headers.push_back(kJson);
    if (!auth.empty()) headers.push_back(auth);
    auto r = server_->Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // One sign-in per user for the whole suite (sign-in is rate limited).
  static std::string Login(const std::string& login, const std::string& password) {
    static std::map<std::string, std::string> tokens;
    if (auto it = tokens.find(login); it != tokens.end()) return it->second;
    auto r = Send("POST", "/api/v1/auth/login",
                  json::serialize(json::object{{"login", login}, {"password", password}}), "");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return "";
    return tokens[login] = "Authorization: Bearer " + std::string(Body(r).at("token").as_string());
  }
  static std::string Consultant() {
    return Login("konsultan@demo.kotacerdas.id", "Demo-Konsultan-2026");
  }
  static std::string Admin() {
    return Login("diskominfo@demo.kotacerdas.id", "Demo-Diskominfo-2026");
  }
  static std::string Pupr() { return Login("pupr@demo.kotacerdas.id", "Demo-Pupr-2026"); }
  static std::string Kominfo() { return Login("kominfo@manado.id", kPassword); }
  static std::string Citizen() { return Login("warga@demo.kotacerdas.id", "Demo-Warga-2026"); }

  static std::string Plan() {
    const json::value v = Body(Send("GET", "/api/v1/regions/71.71/masterplans", "", Admin()));
    return "/api/v1/regions/71.71/masterplans/" +
           std::to_string(v.at("items").at(0).at("id").as_int64());
  }
  // The number and owner OPD of the demo program named `name`.
  static std::pair<int64_t, int64_t> Program(const std::string& name) {
    const json::value v = Body(Send("GET", Plan() + "/programs", "", Admin()));
    for (const auto& p : v.at("programs").as_array()) {
      if (p.at("name").as_string() == name)
        return {p.at("no").as_int64(), p.at("owner_opd_id").as_int64()};
    }
    ADD_FAILURE() << "no program " << name;
    return {0, 0};
  }
  static HttpResponse Comment(const std::string& item, const std::string& text,
                              bool request_changes, const std::string& auth) {
    return Send("POST", Plan() + "/comments",
                json::serialize(json::object{
                    {"item", item}, {"body", text}, {"request_changes", request_changes}}),
                auth);
  }
  static json::array Comments(const std::string& query, const std::string& auth,
                              int64_t* open = nullptr) {
    auto r = Send("GET", Plan() + "/comments" + query, "", auth);
    EXPECT_EQ(r.status, 200) << r.body;
    const json::value v = Body(r);
    if (r.status != 200) return {};
    if (open != nullptr) *open = v.at("open_requests").as_int64();
    return v.at("comments").as_array();
  }

  static fs::path* root_;
  static ServerProcess* server_;
};
fs::path* MasterplanCommentsApi::root_ = nullptr;
ServerProcess* MasterplanCommentsApi::server_ = nullptr;

TEST_F(MasterplanCommentsApi, ConsultantRequestsChangesAndTheOwningOfficerAnswers) {
  const int64_t no = Program("Penataan Kawasan Boulevard").first;  // owner: Dinas PUPR
  const std::string item = "program:" + std::to_string(no);
  auto request =
      Comment(item, "  Target KPI pedestrian belum ada baseline 2025.  ", true, Consultant());
  ASSERT_EQ(request.status, 201) << request.body;
  const json::value c = Body(request);
  EXPECT_EQ(c.at("item").as_string(), item);
  EXPECT_EQ(c.at("body").as_string(), "Target KPI pedestrian belum ada baseline 2025.");
  EXPECT_EQ(c.at("author").at("name").as_string(), "Konsultan 71.71 (demo)");
  EXPECT_EQ(c.at("author").at("role").as_string(), "consultant");
  EXPECT_EQ(c.at("created_at").as_string().back(), 'Z');
  EXPECT_TRUE(c.at("request_changes").as_bool());
  EXPECT_FALSE(c.at("resolved").as_bool());
  EXPECT_TRUE(c.at("resolved_at").is_null());
  EXPECT_EQ(Body(Send("GET", Plan(), "", Admin())).at("open_requests").as_int64(), 1);

  auto reply = Comment(item, "Baseline 2025: 1.200 m, sudah kami tambahkan.", false, Pupr());
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Body(reply).at("author").at("role").as_string(), "opd_officer");
  EXPECT_EQ(Comment(item, "Minta ubah.", true, Pupr()).status,
            403);  // request_changes: reviewers only
  EXPECT_EQ(Comment(item, "Bukan program kami.", false, Kominfo()).status, 403);
  EXPECT_EQ(Comment(item, "Warga ikut komentar.", false, Citizen()).status, 403);
  EXPECT_EQ(Comment(item, "Tanpa masuk.", false, "").status, 401);
  EXPECT_EQ(Comment("plan", "Komentar umum.", false, Pupr()).status, 403);

  // The officer reads the thread of its program and edits the program.
  int64_t open = -1;
  json::array thread = Comments("?item=" + item, Pupr(), &open);
  ASSERT_EQ(thread.size(), 2u);
  EXPECT_EQ(thread[0].at("id"), c.at("id"));  // oldest first
  EXPECT_EQ(open, 1);
  EXPECT_EQ(Send("GET", Plan() + "/comments?item=plan", "", Pupr()).status, 403);
  json::object program =
      Body(Send("GET", Plan() + "/programs/" + std::to_string(no), "", Pupr())).as_object();
  for (const char* k : {"no", "budget_total", "location_code"}) program.erase(k);
  program["description"] = "Pedestrian dengan baseline 1.200 m (2025).";
  ASSERT_EQ(
      Send("PUT", Plan() + "/programs/" + std::to_string(no), json::serialize(program), Pupr())
          .status,
      200);

  // Resolving: not by the officer (not the author), by the consultant, and again unchanged.
  const std::string resolve =
      Plan() + "/comments/" + std::to_string(c.at("id").as_int64()) + "/resolve";
  EXPECT_EQ(Send("POST", resolve, "", Pupr()).status, 403);
  auto done = Send("POST", resolve, "", Consultant());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Body(done).at("resolved").as_bool());
  EXPECT_EQ(Body(done).at("resolved_by").at("role").as_string(), "consultant");
  auto again = Send("POST", resolve, "", Consultant());
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(Body(again).at("resolved_at"), Body(done).at("resolved_at"));
  EXPECT_EQ(Send("POST", Plan() + "/comments/999999/resolve", "", Consultant()).status, 404);
  json::array still_open = Comments("?item=" + item + "&open=1", Consultant(), &open);
  ASSERT_EQ(still_open.size(), 1u);  // the officer's answer
  EXPECT_EQ(still_open[0].at("id"), Body(reply).at("id"));
  EXPECT_EQ(open, 0);
  EXPECT_EQ(Body(Send("GET", Plan(), "", Admin())).at("open_requests").as_int64(), 0);

  // The program's history: the officer's edit between the comments, then the resolution.
  auto history = Send("GET", Plan() + "/history?item=" + item, "", Consultant());
  ASSERT_EQ(history.status, 200) << history.body;
  const json::array entries = Body(history).at("entries").as_array();
  std::vector<std::string> actions;
  for (const auto& e : entries) actions.emplace_back(e.at("action").as_string());
  ASSERT_GE(actions.size(), 4u);
  EXPECT_EQ(
      std::vector<std::string>(actions.end() - 4, actions.end()),
      (std::vector<std::string>{"comment.add", "comment.add", "program.save", "comment.resolve"}));
  const json::value& edit = entries.at(actions.size() - 2);
  EXPECT_EQ(edit.at("actor").at("name").as_string(), "Petugas Dinas PUPR (demo)");
  EXPECT_EQ(edit.at("changes").at("no").as_int64(), no);
  EXPECT_EQ(Send("GET", Plan() + "/history?item=" + item, "", Pupr()).status,
            403);  // masterplan.read
}

TEST_F(MasterplanCommentsApi, BadInputNamesTheFieldAndStoresNothing) {
  const std::string consultant = Consultant();
  const size_t before = Comments("", consultant).size();
  auto blank = Comment("stage:3", " \n ", false, consultant);
  EXPECT_EQ(blank.status, 400);
  EXPECT_EQ(Fields(blank), std::vector<std::string>{"body"});
  auto absent = Comment("program:999", "Catatan.", false, consultant);
  EXPECT_EQ(absent.status, 404);
  EXPECT_EQ(Code(absent), "item_not_found");
  EXPECT_EQ(Fields(absent), std::vector<std::string>{"item"});
  auto malformed = Comment("programme:1", "Catatan.", false, consultant);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(Fields(malformed), std::vector<std::string>{"item"});
  auto types = Send("POST", Plan() + "/comments",
                    R"({"item":3,"body":true,"request_changes":"ya","extra":1})", consultant);
  EXPECT_EQ(types.status, 400);
  EXPECT_EQ(Fields(types), (std::vector<std::string>{"item", "body", "request_changes", "extra"}));
  auto broken = Send("POST", Plan() + "/comments", R"({"item":"plan",)", consultant);
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(Code(broken), "invalid_json");
  EXPECT_EQ(Comment("plan", std::string(4001, 'x'), false, consultant).status, 400);
  EXPECT_EQ(Comments("", consultant).size(), before);
  EXPECT_EQ(Fields(Send("GET", Plan() + "/comments?open=kadang", "", consultant)),
            std::vector<std::string>{"open"});
  EXPECT_EQ(Fields(Send("GET", Plan() + "/comments?item=program:0", "", consultant)),
            std::vector<std::string>{"item"});
  EXPECT_EQ(Fields(Send("GET", Plan() + "/history", "", consultant)),
            std::vector<std::string>{"item"});
  EXPECT_EQ(Send("GET", "/api/v1/regions/71.71/masterplans/999999/comments", "", consultant).status,
            404);
}

TEST_F(MasterplanCommentsApi, AnyItemKindAndTheOpenApiDocument) {
  const std::string consultant = Consultant();
  for (const char* item : {"plan", "stage:2", "readiness:governance", "quick_win:1"}) {
    auto r = Comment(item, "Catatan peninjau.", false, consultant);
    EXPECT_EQ(r.status, 201) << item << ": " << r.body;
  }
  EXPECT_EQ(Comments("?item=readiness:governance", Admin()).size(), 1u);
  EXPECT_EQ(Comment("plan", "Diskominfo menanggapi.", false, Admin()).status,
            201);  // masterplan.edit
  const json::value doc = Body(Send("GET", "/api/v1/openapi.json", "", ""));
  const json::object& paths = doc.at("paths").as_object();
  const std::string base = "/api/v1/regions/{region}/masterplans/{id}";
  ASSERT_TRUE(paths.contains(base + "/comments"));
  EXPECT_TRUE(paths.at(base + "/comments").as_object().contains("post"));
  EXPECT_TRUE(paths.at(base + "/comments").as_object().contains("get"));
  EXPECT_TRUE(paths.contains(base + "/comments/{cid}/resolve"));
  EXPECT_TRUE(paths.contains(base + "/history"));
}

}  // namespace
}  // namespace kc::testing
