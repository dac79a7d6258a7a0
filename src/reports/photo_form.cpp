#include "reports/photo_form.h"

#include "http/multipart.h"

namespace kc::reports {

Result<PhotoForm> ReadPhotoForm(http::Request& req, std::string_view photo_field, size_t min_photos,
                                size_t max_photos,
                                const std::set<std::string, std::less<>>& fields) {
  KC_ASSIGN_OR_RETURN(std::string boundary, http::MultipartBoundary(req.Header("content-type")));
  PhotoForm form{.body = std::make_shared<const std::string>(std::move(req.body))};
  req.body.clear();
  const http::MultipartLimits limits{.max_parts = max_photos + fields.size() + 1,
                                     .max_part_bytes = kMaxPhotoBytes};
  KC_ASSIGN_OR_RETURN(auto parts, http::ParseMultipart(*form.body, boundary, limits));
  Validation v;
  for (const auto& part : parts) {
    if (part.name == photo_field) {
      form.photos.push_back(part.body);
    } else if (!fields.contains(part.name)) {
      v.Add(part.name, {"bagian tidak dikenal", "unknown part"});
    } else if (form.fields.contains(part.name)) {
      v.Add(part.name, {"hanya boleh sekali", "may appear only once"});
    } else if (part.body.size() > kFormFieldMaxBytes) {
      v.Add(part.name, {"terlalu panjang (maks. 64 KB)", "too long (max 64 KB)"});
    } else {
      form.fields.emplace(part.name, part.body);
    }
  }
  if (form.photos.size() < min_photos || form.photos.size() > max_photos) {
    const std::string range = std::to_string(min_photos) + ".." + std::to_string(max_photos);
    v.Add(std::string(photo_field),
          {"jumlah foto harus " + range, "the number of photos must be " + range});
  }
  if (!v.ok()) return std::move(v).ToError();
  return form;
}

}  // namespace kc::reports
