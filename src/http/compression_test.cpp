#include "http/compression.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace kc::http {
namespace {

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

std::string JsonList(int n) {
  std::string s = "[";
  for (int i = 0; i < n; ++i)
    s += (i ? "," : "") + std::string(R"({"tracking":"MDO-)") + std::to_string(i) +
         R"(","status":"diterima"})";
  return s + "]";
}

std::string HeaderOf(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

TEST(Compression, AcceptsEncodingReadsTheHeader) {
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("br;q=1.0, gzip;q=0.5", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzip;q=0, br", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("identity", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("", "br"));
}

TEST(Compression, GzipsLargeJsonAndRoundTrips) {
  Response r{.status = 200, .body = JsonList(500)};
  const std::string original = r.body;
  ASSERT_TRUE(MaybeGzip(r, "gzip, deflate, br"));
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_LT(r.body.size() * 4, original.size());
  EXPECT_EQ(Gunzip(r.body), original);
}

TEST(Compression, LargeBodiesUseTheFastLevelAndStillRoundTrip) {
  Response r{.status = 200, .content_type = "application/geo+json", .body = JsonList(20000)};
  ASSERT_GT(r.body.size(), 256u * 1024);
  const std::string original = r.body;
  ASSERT_TRUE(MaybeGzip(r, "gzip"));
  EXPECT_EQ(Gunzip(r.body), original);
}

TEST(Compression, LeavesAloneWhatShouldNotBeCompressed) {
  Response small{.status = 200, .body = R"({"ok":true})"};
  EXPECT_FALSE(MaybeGzip(small, "gzip"));
  EXPECT_EQ(HeaderOf(small, "Vary"), "");

  Response refused{.status = 200, .body = JsonList(500)};
  EXPECT_FALSE(MaybeGzip(refused, "br;q=1, gzip;q=0"));
  EXPECT_EQ(HeaderOf(refused, "Vary"), "Accept-Encoding");  // the answer depends on the header
  EXPECT_EQ(HeaderOf(refused, "Content-Encoding"), "");

  Response image{.status = 200, .content_type = "image/jpeg", .body = std::string(4096, 'x')};
  EXPECT_FALSE(MaybeGzip(image, "gzip"));

  Response pre{.status = 200, .content_type = "text/javascript", .body = std::string(4096, 'x')};
  pre.Header("Content-Encoding", "br");
  EXPECT_FALSE(MaybeGzip(pre, "gzip"));
  EXPECT_EQ(pre.body, std::string(4096, 'x'));
}

}  // namespace
}  // namespace kc::http
