// Serves the built web app (web/dist) with content types, ETags, pre-compressed .gz/.br
// variants and cache headers: hashed files under /assets/ are immutable for a year, everything
// else (index.html, the service worker) must be revalidated. Paths without a file fall back to
// index.html so that client-side routes such as /r/manado load the app.
#pragma once

#include <filesystem>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace kc::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // Answers GET/HEAD for `req.path`. 404 (JSON) when neither the file nor index.html exists.
  Response Serve(const Request& req) const;
  bool available() const;

 private:
  std::filesystem::path root_;
};

// The Content-Type for a file name by extension ("application/octet-stream" if unknown).
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace kc::http
