// Processing of an uploaded photo: the type is sniffed from its first bytes (a declared
// Content-Type or file name is never trusted), the image is decoded completely with libvips
// (which defeats polyglots and files that only pretend to be images), turned upright by its
// EXIF orientation and re-encoded as two metadata-free sRGB JPEGs: a display size and a
// thumbnail. libvips stays inside photo.cpp; this header has no image-library types.
//
// Thread-safety: ProcessPhoto may be called from any number of threads at once. It is CPU
// heavy (tens to hundreds of milliseconds): call it from a worker pool, never an I/O thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::reports {

inline constexpr size_t kMaxPhotoBytes = 10 * 1024 * 1024;  // per upload, as the issue sets
// Decompression-bomb guard: checked from the header before any pixel is decoded. 50 MP covers
// every phone camera (a 48 MP sensor is 8000 x 6000) and bounds one decode to ~150 MB.
inline constexpr int64_t kMaxPhotoPixels = 50'000'000;
inline constexpr int kDisplaySide = 1600;  // longest side of the display JPEG, never upscaled
inline constexpr int kThumbSide = 320;     // longest side of the thumbnail

enum class ImageType { kJpeg, kPng, kWebp, kHeic };
std::string_view ImageTypeName(ImageType type);

// The type named by the magic bytes at the start of `bytes`, or nullopt. HEIC is recognised by
// its ISO-BMFF "ftyp" brand (heic, heix, heim, heis, hevc, hevx, mif1, msf1).
std::optional<ImageType> SniffImageType(std::string_view bytes);

// True when the installed libvips can decode HEIC (libheif with an HEVC decoder).
bool HeicSupported();

struct EncodedImage {
  std::string jpeg;  // a baseline JPEG without EXIF, XMP, IPTC or ICC data
  int width = 0;
  int height = 0;
};

struct ProcessedPhoto {
  ImageType source = ImageType::kJpeg;
  EncodedImage display;  // longest side min(kDisplaySide, original)
  EncodedImage thumb;    // longest side min(kThumbSide, original)
};

// Checks, decodes and re-encodes one upload. Errors, all kInvalidArgument with slug
// "invalid_photo" and a bilingual message saying why: empty, larger than kMaxPhotoBytes, not a
// JPEG/PNG/WebP (or HEIC where supported) by its bytes, more than kMaxPhotoPixels, or failing
// to decode completely (truncated, corrupt, or another format behind the magic bytes).
Result<ProcessedPhoto> ProcessPhoto(std::string_view bytes);

// Initialises libvips once per process (later calls return at once) with server settings: no
// operation cache, one thread per operation (concurrency comes from the worker pool) and
// untrusted loaders blocked. ProcessPhoto calls it; exposed for start-up checks and tests.
// Errors: kInternal when libvips cannot start.
Status InitImageLibrary();

}  // namespace kc::reports
