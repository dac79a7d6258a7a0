// The content-addressed photo files: names, dedup, the durable write path and orphan removal.
#include "reports/photo_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kc::reports {
namespace {

namespace fs = std::filesystem;

ProcessedPhoto Fake(const std::string& display, const std::string& thumb) {
  return {.source = ImageType::kJpeg,
          .display = {.jpeg = display, .width = 40, .height = 30},
          .thumb = {.jpeg = thumb, .width = 4, .height = 3}};
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class PhotoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("kc-photo-store-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Every file under media/, relative, sorted.
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    if (!fs::exists(root_ / "media")) return out;
    for (const auto& e : fs::recursive_directory_iterator(root_ / "media")) {
      if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root_ / "media").string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path root_;
};

TEST(MediaName, OnlyHashNamesAreValid) {
  const std::string sha(64, 'a');
  EXPECT_EQ(ParseMediaName(sha + ".jpg")->sha256, sha);
  EXPECT_FALSE(ParseMediaName(sha + ".jpg")->thumb);
  EXPECT_TRUE(ParseMediaName(sha + "_t.jpg")->thumb);
  for (const std::string& bad : std::vector<std::string>{
           std::string(64, 'A') + ".jpg", sha + ".png", sha + "_x.jpg", sha.substr(1) + ".jpg",
           "../" + sha.substr(3) + ".jpg", "..%2F..%2Fkotacerdas.db", "/etc/passwd", sha + ".jpg/",
           sha.substr(0, 63) + "g.jpg", "", ".jpg", sha + "_t_t.jpg"}) {
    EXPECT_FALSE(ParseMediaName(bad).has_value()) << bad;
  }
}

TEST(MediaName, Sha256IsLowercaseHexOfTheBytes) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(PhotoStoreTest, PutWritesBothFilesUnderTheHashAndLeavesNoTemporaries) {
  PhotoStore store(root_ / "media");
  auto ref = store.Put(Fake("display-bytes", "thumb-bytes"));
  ASSERT_TRUE(ref.ok()) << ref.error().message.en;
  const std::string sha = Sha256Hex("display-bytes");
  EXPECT_EQ(ref->sha256, sha);
  EXPECT_EQ(ref->width, 40);
  EXPECT_EQ(ref->bytes, 13);
  const std::string dir = sha.substr(0, 2);
  EXPECT_EQ(Files(),
            (std::vector<std::string>{dir + "/" + sha + ".jpg", dir + "/" + sha + "_t.jpg"}));
  EXPECT_EQ(ReadAll(store.PathOf(sha, false)), "display-bytes");
  EXPECT_EQ(ReadAll(*store.PathOf(sha + "_t.jpg")), "thumb-bytes");
  EXPECT_FALSE(store.PathOf("../kotacerdas.db").has_value());
}

TEST_F(PhotoStoreTest, SameBytesShareOneFile) {
  PhotoStore store(root_ / "media");
  auto a = store.Put(Fake("same", "t"));
  auto b = store.Put(Fake("same", "t"));
  auto c = store.Put(Fake("other", "t2"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->sha256, b->sha256);
  EXPECT_NE(a->sha256, c->sha256);
  EXPECT_EQ(Files().size(), 4u);  // two photos, two files each
}

TEST_F(PhotoStoreTest, ReleaseAfterAFailedCommitRemovesOnlyUnusedFiles) {
  PhotoStore store(root_ / "media");
  auto unused = store.Put(Fake("orphan", "t1"));
  auto used = store.Put(Fake("referenced", "t2"));
  ASSERT_TRUE(unused.ok() && used.ok());
  auto referenced = [&](const std::string& sha) { return sha == used->sha256; };
  store.Release(unused->sha256, true, referenced);
  store.Release(used->sha256, true, referenced);
  EXPECT_FALSE(fs::exists(store.PathOf(unused->sha256, false)));
  EXPECT_FALSE(fs::exists(store.PathOf(unused->sha256, true)));
  EXPECT_TRUE(fs::exists(store.PathOf(used->sha256, false)));
}

TEST_F(PhotoStoreTest, AnUploadInFlightPinsTheFile) {
  PhotoStore store(root_ / "media");
  auto first = store.Put(Fake("shared", "t"));
  auto second = store.Put(Fake("shared", "t"));  // another request, its commit still pending
  ASSERT_TRUE(first.ok() && second.ok());
  auto nobody = [](const std::string&) { return false; };
  store.Release(first->sha256, true, nobody);  // the first request's commit failed
  EXPECT_TRUE(fs::exists(store.PathOf(first->sha256, false)));
  store.Release(second->sha256, false, nobody);  // the second one committed
  EXPECT_TRUE(fs::exists(store.PathOf(first->sha256, false)));
}

TEST_F(PhotoStoreTest, AnUnwritableDirectoryIsUnavailableNotACrash) {
  fs::create_directories(root_ / "media");
  std::ofstream(root_ / "media" / Sha256Hex("x").substr(0, 2)) << "a file where a directory goes";
  PhotoStore store(root_ / "media");
  auto r = store.Put(Fake("x", "t"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace kc::reports
