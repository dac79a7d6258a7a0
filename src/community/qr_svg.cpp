#include "community/qr_svg.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace kc::community {
namespace {

constexpr int kQuietZone = 4;      // modules of white border the QR specification asks for
constexpr size_t kMaxText = 1000;  // links are ~60 bytes; refuse anything far beyond

struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

Result<std::string> QrSvg(std::string_view text, int size_px) {
  if (text.empty() || text.size() > kMaxText) {
    return InvalidArgument(
        {"Teks kode QR kosong atau terlalu panjang.", "The QR code text is empty or too long."});
  }
  const std::string input(text);  // libqrencode wants a NUL-terminated string
  errno = 0;
  std::unique_ptr<QRcode, QrFree> qr(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M));
  if (!qr) {
    if (errno == ERANGE) {
      return InvalidArgument(
          {"Teks terlalu panjang untuk kode QR.", "Text too long for a QR code."});
    }
    return Internal("QRcode_encodeString8bit failed");
  }
  const int width = qr->width;
  const int full = width + 2 * kQuietZone;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(size_px) +
                    "\" height=\"" + std::to_string(size_px) + "\" viewBox=\"0 0 " +
                    std::to_string(full) + " " + std::to_string(full) +
                    "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                    "fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if ((qr->data[y * width + x] & 1) == 0) continue;
      svg +=
          "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h1v1h-1z";
    }
  }
  svg += "\"/></svg>\n";
  return svg;
}

}  // namespace kc::community
