// QR codes as SVG, generated server-side with libqrencode (agents print them on posters and
// flyers; SVG scales to any size without a raster library).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::community {

// An SVG document of the QR code for `text` (error correction level M, a 4-module quiet zone).
// Each dark module is a unit square of one path in a viewBox measured in modules; the document
// is `size_px` wide and high. Errors: kInvalidArgument when `text` is empty or too long for a
// QR code; kInternal when libqrencode fails otherwise.
Result<std::string> QrSvg(std::string_view text, int size_px = 256);

}  // namespace kc::community
