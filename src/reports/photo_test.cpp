// Photo processing against real images made here with libvips itself (the only test that
// includes it): EXIF orientation and GPS, alpha, sizes, and every kind of bad upload.
#include "reports/photo.h"

#include <gtest/gtest.h>
#include <vips/vips.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kc::reports {
namespace {

// A w x h sRGB image, left half red and right half blue; `alpha` adds a half-transparent band.
VipsImage* TwoColour(int w, int h, bool alpha = false) {
  const int bands = alpha ? 4 : 3;
  std::vector<uint8_t> px(static_cast<size_t>(w) * h * bands);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * bands];
      p[0] = x < w / 2 ? 255 : 0;
      p[1] = 0;
      p[2] = x < w / 2 ? 0 : 255;
      if (alpha) p[3] = 128;
    }
  }
  VipsImage* raw =
      vips_image_new_from_memory_copy(px.data(), px.size(), w, h, bands, VIPS_FORMAT_UCHAR);
  VipsImage* out = nullptr;
  EXPECT_EQ(vips_copy(raw, &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), 0);
  g_object_unref(raw);
  return out;
}

std::string Save(VipsImage* image, const char* suffix) {
  void* buf = nullptr;
  size_t len = 0;
  EXPECT_EQ(vips_image_write_to_buffer(image, suffix, &buf, &len, "strip", TRUE, nullptr), 0)
      << vips_error_buffer();
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  g_object_unref(image);
  return out;
}

void Put16(std::string& s, uint16_t v) {
  s += static_cast<char>(v & 0xFF), s += static_cast<char>(v >> 8);
}
void Put32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void Entry(std::string& s, uint16_t tag, uint16_t type, uint32_t count, uint32_t value) {
  Put16(s, tag), Put16(s, type), Put32(s, count), Put32(s, value);
}

// An APP1 Exif segment: IFD0 with Orientation = 6 (turn 90 degrees clockwise to view) and a GPS
// IFD with latitude N 1 deg 25 min, as a phone camera writes them.
std::string ExifApp1() {
  std::string t = "II";
  Put16(t, 42), Put32(t, 8);
  Put16(t, 2);                 // IFD0 at 8: two entries
  Entry(t, 0x0112, 3, 1, 6);   // Orientation SHORT 6
  Entry(t, 0x8825, 4, 1, 38);  // GPSInfo -> 38
  Put32(t, 0);
  Put16(t, 2);                  // GPS IFD at 38
  Entry(t, 0x0001, 2, 2, 'N');  // GPSLatitudeRef "N\0" inline
  Entry(t, 0x0002, 5, 3, 68);   // GPSLatitude RATIONAL[3] at 68
  Put32(t, 0);
  for (uint32_t v : {1u, 1u, 25u, 1u, 0u, 1u}) Put32(t, v);
  const std::string payload = std::string("Exif\0\0", 6) + t;
  const size_t len = payload.size() + 2;
  return std::string("\xFF\xE1") + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF) +
         payload;
}

std::string JpegWithExif(int w, int h) {
  std::string jpeg = Save(TwoColour(w, h), ".jpg");
  return jpeg.substr(0, 2) + ExifApp1() + jpeg.substr(2);
}

VipsImage* Decode(const std::string& bytes) {
  VipsImage* out = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  EXPECT_NE(out, nullptr) << vips_error_buffer();
  return out;
}

void ExpectInvalid(const Result<ProcessedPhoto>& r, const std::string& english_part) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().slug, "invalid_photo");
  EXPECT_FALSE(r.error().message.id.empty());
  EXPECT_NE(r.error().message.en.find(english_part), std::string::npos) << r.error().message.en;
}

class Photo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitImageLibrary().ok()); }
};

TEST_F(Photo, SniffsTheTypeFromMagicBytes) {
  EXPECT_EQ(SniffImageType("\xFF\xD8\xFF\xE0rest"), ImageType::kJpeg);
  EXPECT_EQ(SniffImageType("\x89PNG\r\n\x1A\nrest"), ImageType::kPng);
  EXPECT_EQ(SniffImageType(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), ImageType::kWebp);
  EXPECT_EQ(SniffImageType(std::string("\0\0\0\x18"
                                       "ftypheic",
                                       12)),
            ImageType::kHeic);
  for (std::string bad : {"GIF89a......", "<html><body>", "%PDF-1.7....", "RIFF....WAVE", ""}) {
    EXPECT_FALSE(SniffImageType(bad).has_value()) << bad;
  }
}

TEST_F(Photo, ExifOrientationIsAppliedAndAllMetadataDropped) {
  const std::string input = JpegWithExif(200, 100);
  VipsImage* in = Decode(input);  // the fixture really carries what a phone writes
  EXPECT_EQ(vips_image_get_orientation(in), 6);
  EXPECT_NE(vips_image_get_typeof(in, "exif-ifd3-GPSLatitude"), 0u);
  g_object_unref(in);

  auto r = ProcessPhoto(input);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->source, ImageType::kJpeg);
  EXPECT_EQ(r->display.width, 100);  // turned upright: 200 x 100 stored, 100 x 200 seen
  EXPECT_EQ(r->display.height, 200);
  for (const auto* out : {&r->display.jpeg, &r->thumb.jpeg}) {
    EXPECT_EQ(out->find("Exif"), std::string::npos);
    EXPECT_EQ(out->find("\xFF\xE1"), std::string::npos);  // no APP1 (EXIF/XMP) at all
    EXPECT_EQ(out->find("ICC_PROFILE"), std::string::npos);
  }
  VipsImage* display = Decode(r->display.jpeg);
  EXPECT_EQ(vips_image_get_typeof(display, VIPS_META_EXIF_NAME), 0u);
  EXPECT_EQ(vips_image_get_typeof(display, VIPS_META_ORIENTATION), 0u);
  double* top = nullptr;
  double* bottom = nullptr;
  int n = 0;
  ASSERT_EQ(vips_getpoint(display, &top, &n, 50, 20, nullptr), 0);
  ASSERT_EQ(vips_getpoint(display, &bottom, &n, 50, 180, nullptr), 0);
  EXPECT_GT(top[0], 200);  // the stored left (red) half is now on top
  EXPECT_LT(top[2], 60);
  EXPECT_GT(bottom[2], 200);
  g_free(top);
  g_free(bottom);
  g_object_unref(display);
}

TEST_F(Photo, LargePngWithAlphaIsResizedToDisplayAndThumb) {
  auto r = ProcessPhoto(Save(TwoColour(2400, 1200, true), ".png"));
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->source, ImageType::kPng);
  EXPECT_EQ(r->display.width, 1600);
  EXPECT_EQ(r->display.height, 800);
  EXPECT_EQ(r->thumb.width, 320);
  EXPECT_EQ(r->thumb.height, 160);
  EXPECT_EQ(SniffImageType(r->display.jpeg), ImageType::kJpeg);
  VipsImage* thumb = Decode(r->thumb.jpeg);
  EXPECT_EQ(vips_image_get_bands(thumb), 3);  // alpha flattened
  g_object_unref(thumb);
}

TEST_F(Photo, SmallWebpIsNeverUpscaled) {
  auto r = ProcessPhoto(Save(TwoColour(200, 100), ".webp"));
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->source, ImageType::kWebp);
  EXPECT_EQ(r->display.width, 200);
  EXPECT_EQ(r->thumb.width, 200);
  EXPECT_EQ(r->thumb.height, 100);
}

TEST_F(Photo, LargeJpegUsesDecoderShrinkAndKeepsTheDisplaySize) {
  auto r = ProcessPhoto(Save(TwoColour(4000, 3000), ".jpg"));
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->display.width, 1600);
  EXPECT_EQ(r->display.height, 1200);
}

TEST_F(Photo, TruncatedJpegIsRefused) {
  const std::string jpeg = Save(TwoColour(600, 400), ".jpg");
  ExpectInvalid(ProcessPhoto(jpeg.substr(0, jpeg.size() * 6 / 10)), "decoded completely");
}

TEST_F(Photo, TextBehindJpegMagicIsRefused) {
  ExpectInvalid(ProcessPhoto("\xFF\xD8\xFF<?php system($_GET['c']); ?> bukan gambar"),
                "decoded completely");
  ExpectInvalid(ProcessPhoto("<html><script>alert(1)</script></html>"), "JPEG, PNG");
}

TEST_F(Photo, LyingMagicIsRefused) {
  const std::string jpeg = Save(TwoColour(64, 64), ".jpg");  // a JPEG dressed up as a PNG
  ExpectInvalid(ProcessPhoto("\x89PNG\r\n\x1A\n" + jpeg), "decoded completely");
}

TEST_F(Photo, PolyglotPayloadDoesNotSurviveReencoding) {
  // A valid JPEG with an HTML/ZIP tail: browsers or unzip would find the payload in the original.
  const std::string payload = "<html><script>alert('xss')</script></html>PK\x03\x04zipdata";
  auto r = ProcessPhoto(Save(TwoColour(300, 200), ".jpg") + payload);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->display.jpeg.find("<script>"), std::string::npos);
  EXPECT_EQ(r->display.jpeg.find("PK\x03\x04"), std::string::npos);
  EXPECT_EQ(r->thumb.jpeg.find("<script>"), std::string::npos);
}

std::string PngChunk(const std::string& type, const std::string& data) {
  std::string out;
  for (int i = 3; i >= 0; --i) out += static_cast<char>((data.size() >> (8 * i)) & 0xFF);
  out += type + data;
  const std::string crc_input = type + data;
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(crc_input.data()),
                          static_cast<uInt>(crc_input.size()));
  for (int i = 3; i >= 0; --i) out += static_cast<char>((crc >> (8 * i)) & 0xFF);
  return out;
}

TEST_F(Photo, DecompressionBombIsRefusedFromTheHeader) {
  // 20000 x 20000 RGB (400 MP, 1.2 GB decoded) in under 100 bytes.
  std::string ihdr;
  for (uint32_t v : {20000u, 20000u}) {
    for (int i = 3; i >= 0; --i) ihdr += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);
  const std::string idat = std::string("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9);
  const std::string png =
      "\x89PNG\r\n\x1A\n" + PngChunk("IHDR", ihdr) + PngChunk("IDAT", idat) + PngChunk("IEND", "");
  ExpectInvalid(ProcessPhoto(png), "megapixels");
}

TEST_F(Photo, EmptyAndOversizeUploadsAreRefused) {
  ExpectInvalid(ProcessPhoto(""), "empty");
  std::string big = "\xFF\xD8\xFF";
  big.resize(kMaxPhotoBytes + 1, 'x');
  ExpectInvalid(ProcessPhoto(big), "10 MB");
}

}  // namespace
}  // namespace kc::reports
