// Acknowledged writes survive SIGKILL: a burst of concurrent OPD creations is cut short by
// kill -9, and after a restart every write the server answered 201 to is there.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <boost/json.hpp>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "harness.h"

namespace kc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr char kPassword[] = "Uji-Tahan-Banting-2026";

void WriteText(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::pair<int, std::string> Cli(std::vector<std::string> args, const fs::path& data) {
  args.push_back("--data-dir");
  args.push_back(data.string());
  return RunCli(args);
}

TEST(Durability, AcknowledgedWritesSurviveSigkill) {
  const fs::path root = NewTempDir("durability");
  const fs::path areas = root / "areas", data = root / "data";
  fs::create_directories(areas);
  WriteText(areas / "provinces.csv", "code,name\n71,Sulawesi Utara\n");
  WriteText(areas / "regencies.csv", "code,province_code,name\n71.71,71,Kota Manado\n");
  WriteText(areas / "districts.csv", "code,regency_code,name\n71.71.01,71.71,Bunaken\n");
  WriteText(areas / "villages.csv", "code,district_code,name\n71.71.01.1001,71.71.01,Molas\n");
  ASSERT_EQ(Cli({"areas", "import", "--source", areas.string()}, data).first, 0);
  ASSERT_EQ(Cli({"region", "add", "71.71"}, data).first, 0);
  auto added = Cli({"user", "add", "--name", "Admin Uji", "--email", "admin@uji.id", "--password",
                    kPassword, "--role", "region_admin", "--region", "71.71"},
                   data);
  ASSERT_EQ(added.first, 0) << added.second;

  ServerProcess server({}, data);
  auto login = server.Send("POST", "/api/v1/auth/login",
                           json::serialize(json::object{{"login", "admin@uji.id"}, {"password", kPassword}}),
                           {"Content-Type: application/json"});
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string auth =
      "Authorization: Bearer " + std::string(json::parse(login->body).at("token").as_string());

  // Eight clients create OPDs as fast as they can; each records the names answered 201.
  std::mutex mu;
  std::set<std::string> acknowledged;
  std::atomic<int> answered{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      Connection c(server.port());
      for (int i = 0; !stop.load() && c.ok(); ++i) {
        const std::string name = "Unit Uji " + std::to_string(t) + "-" + std::to_string(i);
        const std::string body = json::serialize(
            json::object{{"name", "Dinas " + name}, {"short_name", name}, {"type", "dinas"}});
        auto r = c.Request("POST", "/api/v1/regions/71.71/opds", body,
                           {"Content-Type: application/json", auth});
        if (!r) return;  // the server died mid-request: not acknowledged
        if (r->status == 201) {
          std::lock_guard lock(mu);
          acknowledged.insert(name);
        }
        answered++;
      }
    });
  }
  // Kill in the middle of the burst, once a good number of writes were answered.
  for (int i = 0; i < 500 && answered.load() < 300; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server.Signal(SIGKILL);
  stop = true;
  for (auto& c : clients) c.join();
  ASSERT_GT(acknowledged.size(), 50U) << "the burst did not get going before the kill";

  server.Restart();
  auto list = server.Get("/api/v1/regions/71.71/opds?limit=100000");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  std::set<std::string> stored;
  auto v = json::parse(list->body);
  const json::array& items = v.is_array() ? v.as_array() : v.at("items").as_array();
  for (const auto& item : items) stored.insert(std::string(item.at("short_name").as_string()));
  size_t missing = 0;
  for (const auto& name : acknowledged) missing += stored.count(name) == 0;
  EXPECT_EQ(missing, 0U) << "of " << acknowledged.size() << " acknowledged writes";
  auto ready = server.Get("/readyz?deep=1");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  fs::remove_all(root);
}

}  // namespace
}  // namespace kc::testing
