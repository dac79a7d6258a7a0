#include "accounts/notifier.h"

#include <spdlog/spdlog.h>

namespace kc::accounts {
namespace {

class LogNotifier final : public Notifier {
 public:
  void SendCode(const std::string& contact, CodePurpose purpose, const std::string& code,
                Language language) override {
    spdlog::info("notifier: {} code for {}: {} (lang {})", ToString(purpose), contact, code,
                 ToString(language));
  }
};

}  // namespace

std::string_view ToString(CodePurpose p) { return p == CodePurpose::kReset ? "reset" : "verify"; }

std::unique_ptr<Notifier> MakeLogNotifier() { return std::make_unique<LogNotifier>(); }

}  // namespace kc::accounts
