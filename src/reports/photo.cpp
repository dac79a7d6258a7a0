// libvips lives only in this file. The pipeline per upload: sniff the magic bytes, open the
// header with the loader of that type only (never libvips' own guess, so a file cannot pick an
// exotic loader), refuse oversize pixel counts before decoding, decode completely into memory
// (fail_on=error: truncation and corrupt data stop here), autorotate, convert to 8-bit sRGB
// (through an embedded ICC profile when there is one), flatten alpha onto white, resize down and
// save as JPEG with every metadata block stripped. Rejected: vips_thumbnail_buffer, which would
// pick its own loader and decode lazily, so a truncated tail could pass unnoticed.
#include "reports/photo.h"

#include <spdlog/spdlog.h>
#include <vips/vips.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <thread>

namespace kc::reports {
namespace {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Server settings: no operation cache (uploads are never reused and the cache would keep their
// pixels alive), one worker thread per image (the worker pool runs images in parallel).
Status InitOnce() {
  if (VIPS_INIT("kotacerdas") != 0) {
    return Error(ErrorCode::kInternal, {"libvips tidak dapat dimulai.", "libvips cannot start."});
  }
  vips_cache_set_max(0);
  vips_cache_set_max_mem(0);
  vips_cache_set_max_files(0);
  vips_concurrency_set(1);
  vips_block_untrusted_set(TRUE);
  // libvips reports per-tile warnings for every bad upload; they belong in the debug log, not on
  // stderr.
  g_log_set_handler(
      "VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
      [](const gchar*, GLogLevelFlags, const gchar* message, gpointer) {
        spdlog::debug("libvips: {}", message);
      },
      nullptr);
  return Ok();
}

Error Invalid(Text why) {
  return Error(ErrorCode::kInvalidArgument, std::move(why), "invalid_photo");
}

// libvips keeps one process-wide error buffer; take (and clear) it for the log only: its text
// may name internals, so clients get our own message.
std::string VipsErrorText() {
  char* text = vips_error_buffer_copy();
  std::string out = text ? text : "";
  g_free(text);
  return out;
}

Error DecodeFailed() {
  spdlog::debug("photo decode failed: {}", VipsErrorText());
  return Invalid(
      {"Foto tidak dapat dibaca sepenuhnya (terpotong, rusak, atau bukan gambar yang "
       "sebenarnya).",
       "The photo cannot be decoded completely (truncated, corrupt, or not really an "
       "image)."});
}

// The header (and, for JPEG, a decoder shrink that keeps the longest side >= kDisplaySide).
Image Load(ImageType type, std::string_view bytes, int jpeg_shrink) {
  VipsImage* out = nullptr;
  void* buf = const_cast<char*>(bytes.data());  // libvips reads, never writes, the buffer
  const size_t len = bytes.size();
  int rc = -1;
  switch (type) {
    case ImageType::kJpeg:
      rc = vips_jpegload_buffer(buf, len, &out, "shrink", jpeg_shrink, "fail_on",
                                VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case ImageType::kPng:
      rc = vips_pngload_buffer(buf, len, &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case ImageType::kWebp:
      rc = vips_webpload_buffer(buf, len, &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case ImageType::kHeic:
      rc = vips_heifload_buffer(buf, len, &out, "fail_on", VIPS_FAIL_ON_ERROR, nullptr);
      break;
  }
  return Image(rc == 0 ? out : nullptr);
}

// 8-bit sRGB without alpha, upright. Consumes `in`.
Result<Image> Normalise(Image in) {
  VipsImage* out = nullptr;
  if (vips_autorot(in.get(), &out, nullptr) != 0) return DecodeFailed();
  Image img(out);
  if (vips_image_get_typeof(img.get(), VIPS_META_ICC_NAME) != 0) {
    // A broken profile is not the uploader's fault worth a refusal: fall back to plain sRGB.
    if (vips_icc_transform(img.get(), &out, "srgb", "embedded", TRUE, nullptr) == 0) {
      img.reset(out);
    } else {
      VipsErrorText();
    }
  }
  if (vips_colourspace(img.get(), &out, VIPS_INTERPRETATION_sRGB, nullptr) != 0) {
    return DecodeFailed();
  }
  img.reset(out);
  if (vips_image_hasalpha(img.get())) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    const int rc = vips_flatten(img.get(), &out, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) return DecodeFailed();
    img.reset(out);
  }
  if (vips_image_get_format(img.get()) != VIPS_FORMAT_UCHAR) {
    if (vips_cast_uchar(img.get(), &out, nullptr) != 0) return DecodeFailed();
    img.reset(out);
  }
  return img;
}

// `in` scaled so its longest side is at most `side`, in memory.
Result<Image> Fit(VipsImage* in, int side) {
  const int longest = std::max(vips_image_get_width(in), vips_image_get_height(in));
  VipsImage* out = nullptr;
  if (longest > side) {
    if (vips_resize(in, &out, static_cast<double>(side) / longest, nullptr) != 0) {
      return DecodeFailed();
    }
  } else if (vips_copy(in, &out, nullptr) != 0) {
    return DecodeFailed();
  }
  Image lazy(out);
  VipsImage* mem = vips_image_copy_memory(lazy.get());
  if (mem == nullptr) return DecodeFailed();
  return Image(mem);
}

Result<EncodedImage> Encode(VipsImage* in) {
  void* buf = nullptr;
  size_t len = 0;
  if (vips_jpegsave_buffer(in, &buf, &len, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
                           nullptr) != 0) {
    spdlog::error("photo encode failed: {}", VipsErrorText());
    return Error(ErrorCode::kInternal,
                 {"Foto tidak dapat disimpan.", "The photo cannot be encoded."});
  }
  EncodedImage out{.jpeg = std::string(static_cast<const char*>(buf), len),
                   .width = vips_image_get_width(in),
                   .height = vips_image_get_height(in)};
  g_free(buf);
  return out;
}

int JpegShrink(int longest) {
  for (int shrink : {8, 4, 2}) {
    if (longest / shrink >= kDisplaySide) return shrink;
  }
  return 1;
}

}  // namespace

std::string_view ImageTypeName(ImageType type) {
  switch (type) {
    case ImageType::kJpeg:
      return "jpeg";
    case ImageType::kPng:
      return "png";
    case ImageType::kWebp:
      return "webp";
    case ImageType::kHeic:
      return "heic";
  }
  return "jpeg";
}

std::optional<ImageType> SniffImageType(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return ImageType::kJpeg;
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return ImageType::kPng;
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP")
    return ImageType::kWebp;
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    static constexpr std::array<std::string_view, 8> kBrands = {"heic", "heix", "heim", "heis",
                                                                "hevc", "hevx", "mif1", "msf1"};
    if (std::find(kBrands.begin(), kBrands.end(), b.substr(8, 4)) != kBrands.end()) {
      return ImageType::kHeic;
    }
  }
  return std::nullopt;
}

Status InitImageLibrary() {
  static std::once_flag once;
  static Status status = Ok();
  std::call_once(once, [] { status = InitOnce(); });
  return status;
}

bool HeicSupported() {
  if (!InitImageLibrary().ok()) return false;
  return vips_type_find("VipsOperation", "heifload_buffer") != 0;
}

Result<ProcessedPhoto> ProcessPhoto(std::string_view bytes) {
  KC_RETURN_IF_ERROR(InitImageLibrary());
  if (bytes.empty()) return Invalid({"Berkas foto kosong.", "The photo file is empty."});
  if (bytes.size() > kMaxPhotoBytes) {
    return Invalid({"Foto lebih besar dari 10 MB.", "The photo is larger than 10 MB."});
  }
  const auto type = SniffImageType(bytes);
  if (!type || (*type == ImageType::kHeic && !HeicSupported())) {
    return Invalid({HeicSupported() ? "Foto harus berupa JPEG, PNG, WebP atau HEIC."
                                    : "Foto harus berupa JPEG, PNG atau WebP.",
                    HeicSupported() ? "The photo must be a JPEG, PNG, WebP or HEIC image."
                                    : "The photo must be a JPEG, PNG or WebP image."});
  }
  Image header = Load(*type, bytes, 1);
  if (!header) return DecodeFailed();
  const int64_t width = vips_image_get_width(header.get());
  const int64_t height = vips_image_get_height(header.get());
  if (width * height > kMaxPhotoPixels) {
    return Invalid({"Foto lebih dari 50 megapiksel.", "The photo has more than 50 megapixels."});
  }
  if (*type == ImageType::kJpeg) {
    const int shrink = JpegShrink(static_cast<int>(std::max(width, height)));
    if (shrink > 1) header = Load(*type, bytes, shrink);
    if (!header) return DecodeFailed();
  }
  // Decode every pixel now: a truncated or corrupt file fails here, not halfway through saving.
  Image decoded(vips_image_copy_memory(header.get()));
  if (!decoded) return DecodeFailed();
  header.reset();
  KC_ASSIGN_OR_RETURN(Image upright, Normalise(std::move(decoded)));
  ProcessedPhoto out{.source = *type};
  KC_ASSIGN_OR_RETURN(Image display, Fit(upright.get(), kDisplaySide));
  upright.reset();
  KC_ASSIGN_OR_RETURN(out.display, Encode(display.get()));
  KC_ASSIGN_OR_RETURN(Image thumb, Fit(display.get(), kThumbSide));
  KC_ASSIGN_OR_RETURN(out.thumb, Encode(thumb.get()));
  return out;
}

}  // namespace kc::reports
