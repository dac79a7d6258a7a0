#include "http/multipart.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

const std::string kType = "multipart/form-data; boundary=----kcBoundary7MA4YWxk";
const std::string kB = "----kcBoundary7MA4YWxk";

std::string Body(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "--" + kB + "\r\n" + p + "\r\n";
  return out + "--" + kB + "--\r\n";
}

TEST(Multipart, BoundaryComesFromContentType) {
  EXPECT_EQ(*MultipartBoundary(kType), kB);
  EXPECT_EQ(*MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\""), "a b:c");
  EXPECT_TRUE(IsMultipartFormData("multipart/form-data ; boundary=x"));
  EXPECT_FALSE(IsMultipartFormData("application/json"));
  EXPECT_EQ(MultipartBoundary("application/json").error().code, ErrorCode::kUnsupportedMedia);
  for (const std::string& bad : std::vector<std::string>{
           "multipart/form-data",
           "multipart/form-data; boundary=", "multipart/form-data; boundary=\"unterminated",
           "multipart/form-data; boundary=" + std::string(71, 'a'),
           "multipart/form-data; boundary=\"ends with space \"",
           "multipart/form-data; boundary=a; boundary=b",
           "multipart/form-data; boundary=\"bad\x01\""}) {
    auto r = MultipartBoundary(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().slug, "malformed_multipart") << bad;
  }
}

TEST(Multipart, ParsesFieldsAndFilesInOrderAsViews) {
  static constexpr char kPhoto[] = "\xFF\xD8\xFF\r\n--not-the-boundary\r\n\0binary";
  const std::string photo(kPhoto, sizeof kPhoto - 1);
  const std::string body = Body({
      "Content-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n"
      "{\"category\":\"banjir\"}",
      "content-disposition: form-data; name=photo; filename=\"IMG 1;\\\"x\\\".jpg\"\r\n"
      "Content-Type: IMAGE/JPEG\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
          photo,
      "Content-Disposition: form-data; name=\"note\"\r\n\r\n",
  });
  auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.ok()) << parts.error().message.en;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "report");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[0].content_type, "application/json");
  EXPECT_EQ((*parts)[0].body, "{\"category\":\"banjir\"}");
  EXPECT_EQ((*parts)[1].name, "photo");
  EXPECT_EQ((*parts)[1].filename, "IMG 1;\"x\".jpg");
  EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[1].body, photo);
  EXPECT_EQ((*parts)[1].body.data(), body.data() + body.find("\xFF\xD8"));  // no copy
  EXPECT_EQ((*parts)[2].content_type, "text/plain");
  EXPECT_TRUE((*parts)[2].body.empty());
}

TEST(Multipart, AcceptsTransportPaddingAndAnEpilogue) {
  std::string body = "--" + kB + " \t\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--" +
                     kB + "--\r\nepilogue ignored";
  auto parts = ParseMultipart(body, kB);
  ASSERT_TRUE(parts.ok()) << parts.error().message.en;
  EXPECT_EQ(parts->at(0).body, "x");
  EXPECT_TRUE(ParseMultipart("--" + kB + "--", kB)->empty());
}

TEST(Multipart, MalformedBodiesAreRefusedWithAReason) {
  const std::string ok = "Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
  const std::string full = Body({ok});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "start with the boundary"},
      {"preamble\r\n" + full, "start with the boundary"},
      {full.substr(0, full.size() - 8), "truncated"},  // no close delimiter
      {"--" + kB + "\r\n" + ok, "truncated"},          // cut inside a part
      {"--" + kB + "\r\nContent-Disposition: form-data; name=a", "truncated or too long"},
      {"--" + kB + "\nContent-Disposition: form-data; name=a\n\nx\n--" + kB + "--", "CRLF"},
      {Body({"Content-Disposition: form-data; name=a\nX: y\r\n\r\nv"}), "CRLF"},
      {Body({"Content-Type: text/plain\r\n\r\nv"}), "Content-Disposition"},
      {Body({"\r\nv"}), "Content-Disposition"},
      {Body({"Content-Disposition: attachment; name=a\r\n\r\nv"}), "form-data"},
      {Body({"Content-Disposition: form-data; filename=x.jpg\r\n\r\nv"}), "name="},
      {Body({"Content-Disposition: form-data; name=\"\"\r\n\r\nv"}), "name="},
      {Body({"Content-Disposition: form-data; name=\"a\r\n\r\nv"}), "valid parameters"},
      {Body({"Content-Disposition: form-data; name=a; name=b\r\n\r\nv"}), "valid parameters"},
      {Body(
           {ok.substr(0, ok.find("\r\n")) + "\r\nContent-Disposition: form-data; name=b\r\n\r\nv"}),
       "valid parameters"},
      {Body({"Content-Disposition: form-data; name=a\r\n folded\r\n\r\nv"}), "folded"},
      {Body({"Content-Disposition: form-data; name=a\r\nNo colon here\r\n\r\nv"}), "header line"},
      {Body({"Content-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: "
             "base64\r\n\r\nv"}),
       "base64"},
      {Body({"Content-Disposition: form-data; name=\"\xFF\"\r\n\r\nv"}), "UTF-8"},
      {"--" + kB + "junk\r\n" + ok + "\r\n--" + kB + "--", "CRLF"},
  };
  for (const auto& [body, reason] : cases) {
    auto r = ParseMultipart(body, kB);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << body;
    EXPECT_EQ(r.error().slug, "malformed_multipart") << body;
    EXPECT_NE(r.error().message.en.find(reason), std::string::npos)
        << body << " -> " << r.error().message.en;
    EXPECT_NE(r.error().message.id.find("multipart/form-data tidak sah"), std::string::npos);
  }
}

TEST(Multipart, LimitsOnPartsPartSizeAndHeaders) {
  const std::string part =
      "Content-Disposition: form-data; name=photo\r\n\r\n" + std::string(100, 'x');
  MultipartLimits limits{.max_parts = 2, .max_part_bytes = 100, .max_header_bytes = 64};
  EXPECT_TRUE(ParseMultipart(Body({part, part}), kB, limits).ok());
  auto many = ParseMultipart(Body({part, part, part}), kB, limits);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().code, ErrorCode::kPayloadTooLarge);
  auto big = ParseMultipart(Body({part + "y"}), kB, limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_NE(big.error().message.en.find("photo"), std::string::npos);
  const std::string long_header =
      "Content-Disposition: form-data; name=a\r\nX-Long: " + std::string(64, 'h') + "\r\n\r\nv";
  EXPECT_EQ(ParseMultipart(Body({long_header}), kB, limits).error().slug, "malformed_multipart");
}

}  // namespace
}  // namespace kc::http
