// Citizen notifications: tells the reporter and the followers of a report (the event's
// notify_user_ids) what happened, in their language (accounts: users.language, Bahasa Indonesia
// by default). Delivery goes through one CitizenNotifier interface: the default writes log lines
// (development and the demo); an e-mail or SMS gateway is a second implementation of the same
// interface (none yet).
//
// Threads: Publish is called on the store's completion thread and only queues; the notifier's own
// thread looks the users up and calls CitizenNotifier::Send, which may block.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "accounts/account.h"
#include "reports/report_events.h"
#include "store/database.h"

namespace kc::reports {

struct CitizenMessage {
  int64_t user_id = 0;
  std::string name;
  std::string email;  // may be empty
  std::string phone;  // E.164, may be empty
  accounts::Language language = accounts::Language::kId;
  std::string tracking;
  std::string subject;
  std::string text;
};

class CitizenNotifier {
 public:
  virtual ~CitizenNotifier() = default;
  // Delivers one message; called on the notifier thread only. Failures are the
  // implementation's to log (a lost notification must not stop the others).
  virtual void Send(const CitizenMessage& message) = 0;
};

// Logs "notify user <id> (<language>): <subject> | <text>" at info level.
std::unique_ptr<CitizenNotifier> MakeLogCitizenNotifier();

struct NotificationText {
  std::string subject;
  std::string text;
};
// The message for `event` in `language`. Pure.
NotificationText FormatNotification(const ReportEvent& event, accounts::Language language);

class ReportNotifier final : public ReportEventSink {
 public:
  // Borrows `db` (must outlive the notifier; users are read from it) and starts the thread.
  // At most `max_queue` events wait; beyond that new ones are logged and dropped, so a stuck
  // gateway cannot exhaust memory.
  ReportNotifier(store::Database& db, std::unique_ptr<CitizenNotifier> notifier,
                 size_t max_queue = 10000);
  // Sends what is queued, then stops the thread.
  ~ReportNotifier() override;
  ReportNotifier(const ReportNotifier&) = delete;
  ReportNotifier& operator=(const ReportNotifier&) = delete;

  void Publish(const ReportEvent& event) override;

 private:
  void Loop();
  void Deliver(const ReportEvent& event);

  store::Database& db_;
  std::unique_ptr<CitizenNotifier> notifier_;
  const size_t max_queue_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ReportEvent> queue_;  // guarded by mu_
  bool stopping_ = false;          // guarded by mu_
  std::thread thread_;
};

}  // namespace kc::reports
