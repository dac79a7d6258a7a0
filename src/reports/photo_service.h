// Photo uploads of the reports module: processing (photo.h) runs on a small worker pool, never
// on an I/O thread, and the files are stored (photo_store.h) before the database write that
// references them. After that write, Settle unpins them and, when the write failed, removes the
// files no report references, so a refused submission leaves no orphan behind.
//
// Thread-safety: every method may be called from any thread; one instance per media directory
// (PhotoServiceFor), shared by the report, resolution-photo and Open311 routes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/worker_pool.h"
#include "core/result.h"
#include "reports/photo_ref.h"
#include "reports/photo_store.h"

namespace kc::http {
class Router;
}

namespace kc::reports {

class ReportsModule;

inline constexpr size_t kMaxPhotosPerUpload = 5;

class PhotoService {
 public:
  using Done = std::function<void(Result<std::vector<ReportPhoto>>)>;

  // Keeps `module` alive (its store answers the orphan checks).
  explicit PhotoService(std::shared_ptr<ReportsModule> module);
  ~PhotoService();  // finishes queued uploads first (the pool drains)

  // Processes and stores `uploads` (views into `body`, which the service keeps alive) in
  // order, as `kind`, on the pool. done (on a pool thread): the pinned photos, or the first
  // error (kInvalidArgument "invalid_photo" naming the photo's position, or storage), after
  // which nothing of this call stays pinned. kUnavailable "busy" when the queue is full.
  void Prepare(std::shared_ptr<const std::string> body, std::vector<std::string_view> uploads,
               PhotoKind kind, Done done);

  // After the write that referenced `photos`: unpins them; when `committed` is false, removes
  // (on the pool) the files that no report references.
  void Settle(const std::vector<ReportPhoto>& photos, bool committed);

  PhotoStore& files() { return files_; }

 private:
  Result<std::vector<ReportPhoto>> ProcessAll(const std::vector<std::string_view>& uploads,
                                              PhotoKind kind);

  std::shared_ptr<ReportsModule> module_;
  PhotoStore files_;
  std::unique_ptr<accounts::WorkerPool> pool_;  // last member: stopped before the rest
};

// The service of the module's media directory, made on first use.
std::shared_ptr<PhotoService> PhotoServiceFor(const std::shared_ptr<ReportsModule>& module);

// GET /media/{file} and POST /api/v1/regions/{region}/reports/{tracking}/photos
// (photo_routes.cpp). Registered by AddReportRoutes.
void AddPhotoRoutes(http::Router& router, std::shared_ptr<ReportsModule> module,
                    std::shared_ptr<PhotoService> photos);

}  // namespace kc::reports
