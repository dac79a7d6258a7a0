#include "store/wal_sync.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kc::store {
namespace {

Error SyncError(const std::string& what, int err) {
  return Error(ErrorCode::kInternal,
               {"Gagal mengamankan data ke disk (" + what + "): " + std::strerror(err),
                "Could not make data durable (" + what + "): " + std::strerror(err)},
               "wal_sync_failed");
}

}  // namespace

WalSync::~WalSync() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalSync::Reopen() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return SyncError("open " + wal_path_, errno);
  return Ok();
}

Status WalSync::Sync() {
  struct stat held = {};
  struct stat at_path = {};
  const bool holding = fd_ >= 0 && ::fstat(fd_, &held) == 0;
  if (::stat(wal_path_.c_str(), &at_path) != 0) {
    // Unlinked while open (its directory removed, say): SQLite writes on through its own
    // descriptor to the same file, which the held one still reaches.
    if (!holding) return SyncError("stat " + wal_path_, errno);
  } else if (!holding || held.st_ino != at_path.st_ino || held.st_dev != at_path.st_dev) {
    KC_RETURN_IF_ERROR(Reopen());
  }
  if (::fdatasync(fd_) != 0) return SyncError("fdatasync " + wal_path_, errno);
  return Ok();
}

}  // namespace kc::store
