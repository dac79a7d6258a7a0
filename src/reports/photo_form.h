// Reading a photo upload (multipart/form-data, http/multipart.h) for the report, resolution
// and Open311 routes: photo parts by name, other text fields, and the limits of the module.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/request.h"
#include "reports/photo.h"
#include "reports/photo_service.h"

namespace kc::reports {

// A body of 5 photos of 10 MB each plus the text fields and the multipart framing.
inline constexpr size_t kPhotoBodyLimit = kMaxPhotosPerUpload * kMaxPhotoBytes + (1 << 20);
inline constexpr size_t kFormFieldMaxBytes = 64 * 1024;  // one text part (the report JSON)

struct PhotoForm {
  std::shared_ptr<const std::string> body;         // owns what every view points into
  std::map<std::string, std::string_view> fields;  // text parts, each name at most once
  std::vector<std::string_view> photos;            // the photo parts, in order
};

// Moves req.body into the form and parses it. `photo_field` names the file parts (min..max of
// them); `fields` are the other names allowed. Errors: kUnsupportedMedia when not multipart;
// kInvalidArgument "malformed_multipart" for a broken body, "validation_failed" with details for
// unknown or repeated fields, oversize text fields or a wrong photo count; kPayloadTooLarge for a
// part beyond 10 MB.
Result<PhotoForm> ReadPhotoForm(http::Request& req, std::string_view photo_field, size_t min_photos,
                                size_t max_photos,
                                const std::set<std::string, std::less<>>& fields);

}  // namespace kc::reports
