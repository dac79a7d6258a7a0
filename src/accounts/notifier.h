// Delivery of verification and reset codes. Pluggable: the default logs the code (development
// and the demo; no SMTP or SMS gateway yet); a deployment installs a real one.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "accounts/account.h"

namespace kc::accounts {

enum class CodePurpose { kVerify, kReset };
std::string_view ToString(CodePurpose p);  // "verify", "reset"

class Notifier {
 public:
  virtual ~Notifier() = default;
  // Sends `code` to `contact` (an email address or an E.164 phone number) in `language`.
  // Called from a worker or the store's completion thread after the code is stored; must be
  // thread-safe and must not block for long (queue the delivery). Failures are the notifier's to
  // log.
  virtual void SendCode(const std::string& contact, CodePurpose purpose, const std::string& code,
                        Language language) = 0;
};

// Logs "notifier: <purpose> code for <contact>: <code>" with spdlog at info level.
std::unique_ptr<Notifier> MakeLogNotifier();

}  // namespace kc::accounts
