#include "reports/photo_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "reports/photo.h"
#include "reports/reports_module.h"

namespace kc::reports {
namespace {

// Images are decoded one per worker; two workers keep a 2-core server responsive for the rest
// of the API while bounding decode memory (~150 MB per 50 MP image) to two images.
int PoolThreads() {
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
}
// Requests waiting for a worker; each holds its body (up to ~50 MB) in memory already.
constexpr size_t kQueue = 8;

Error Busy() {
  return Error(ErrorCode::kUnavailable,
               {"Server sedang sibuk memproses foto; coba lagi sebentar lagi.",
                "The server is busy processing photos; try again shortly."},
               "busy");
}

}  // namespace

PhotoService::PhotoService(std::shared_ptr<ReportsModule> module)
    : module_(std::move(module)),
      files_(module_->store().MediaDirectory()),
      pool_(std::make_unique<accounts::WorkerPool>(PoolThreads(), kQueue)) {}

PhotoService::~PhotoService() { pool_.reset(); }

Result<std::vector<ReportPhoto>> PhotoService::ProcessAll(
    const std::vector<std::string_view>& uploads, PhotoKind kind) {
  std::vector<ReportPhoto> stored;
  for (size_t i = 0; i < uploads.size(); ++i) {
    auto processed = ProcessPhoto(uploads[i]);
    Result<ReportPhoto> put =
        processed.ok() ? files_.Put(*processed) : Result<ReportPhoto>(processed.error());
    if (!put.ok()) {
      Settle(stored, false);
      Error e = std::move(put).error();
      e.With("photo[" + std::to_string(i) + "]", e.message);
      return e;
    }
    put->kind = kind;
    stored.push_back(std::move(*put));
  }
  return stored;
}

void PhotoService::Prepare(std::shared_ptr<const std::string> body,
                           std::vector<std::string_view> uploads, PhotoKind kind, Done done) {
  auto task = [this, body = std::move(body), uploads = std::move(uploads), kind, done]() {
    done(ProcessAll(uploads, kind));
  };
  if (!pool_->Post(std::move(task))) done(Busy());
}

void PhotoService::Settle(const std::vector<ReportPhoto>& photos, bool committed) {
  if (photos.empty()) return;
  if (committed) {
    for (const auto& p : photos) files_.Release(p.sha256, false, {});
    return;
  }
  // A database read per photo: not on the writer thread that reports the failed commit.
  auto cleanup = [this, photos] {
    for (const auto& p : photos) {
      files_.Release(p.sha256, true, [this](const std::string& sha) {
        auto used = module_->store().PhotoReferenced(sha);
        return !used.ok() || *used;  // unsure: keep the file
      });
    }
  };
  if (!pool_->Post(cleanup)) cleanup();
}

std::shared_ptr<PhotoService> PhotoServiceFor(const std::shared_ptr<ReportsModule>& module) {
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<PhotoService>> services;  // guarded by mu
  const std::string key = module->store().MediaDirectory().string();
  std::lock_guard lock(mu);
  if (auto existing = services[key].lock()) return existing;
  auto made = std::make_shared<PhotoService>(module);
  services[key] = made;
  return made;
}

}  // namespace kc::reports
