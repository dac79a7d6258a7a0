#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.h"

namespace kc::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kc-static-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>kotacerdas</title>");
    Write("assets/app-1a2b.js", "console.log(1)");
    Write("assets/app-1a2b.js.gz", "GZIPPED");
    fs::create_directories(root_.parent_path() / "kc-secret");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(root_ / rel, std::ios::binary) << content;
  }
  Response Get(std::string path, std::string accept_encoding = "") {
    Request req;
    req.path = std::move(path);
    if (!accept_encoding.empty()) req.headers.emplace_back("accept-encoding", accept_encoding);
    return StaticFiles(root_).Serve(req);
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCacheHeaders) {
  auto r = Get("/assets/app-1a2b.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r.body, "console.log(1)");
  bool immutable = false;
  for (auto& [k, v] : r.headers) immutable |= (k == "Cache-Control" && v.find("immutable") != std::string::npos);
  EXPECT_TRUE(immutable);
}

TEST_F(StaticFilesTest, PrefersPrecompressedVariant) {
  auto r = Get("/assets/app-1a2b.js", "gzip, deflate");
  EXPECT_EQ(r.body, "GZIPPED");
  bool gz = false;
  for (auto& [k, v] : r.headers) gz |= (k == "Content-Encoding" && v == "gzip");
  EXPECT_TRUE(gz);
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndexButMissingAssetsAre404) {
  auto r = Get("/r/manado/lapor");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Get("/r/71.71").status, 200);  // a region code in a client route
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Get("/favicon.ico").status, 404);
}

TEST_F(StaticFilesTest, RefusesTraversal) {
  EXPECT_EQ(Get("/../kc-secret/x").status, 404);
  EXPECT_EQ(Get("/assets/../../etc/passwd").status, 404);
  EXPECT_EQ(Get("/.hidden").status, 404);
}

TEST_F(StaticFilesTest, EtagAnswers304) {
  auto first = Get("/assets/app-1a2b.js");
  std::string etag;
  for (auto& [k, v] : first.headers) if (k == "ETag") etag = v;
  ASSERT_FALSE(etag.empty());
  Request req;
  req.path = "/assets/app-1a2b.js";
  req.headers.emplace_back("if-none-match", etag);
  EXPECT_EQ(StaticFiles(root_).Serve(req).status, 304);
}

}  // namespace
}  // namespace kc::http
