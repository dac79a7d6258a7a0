#include "reports/report_notifier.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "accounts/account_store.h"
#include "reports/report.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using accounts::Language;

// A data field as text ("" when absent or not a string or number).
std::string Field(const ReportEvent& e, std::string_view name) {
  const auto* v = e.data.if_contains(name);
  if (v == nullptr) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  return "";
}

// A status name in the reader's language (the stored names are Indonesian).
std::string StatusLabel(const std::string& name, Language lang) {
  if (lang == Language::kId) return name;
  static const std::pair<const char*, const char*> kEn[] = {
      {"diterima", "received"}, {"diverifikasi", "verified"}, {"diproses", "in progress"},
      {"selesai", "resolved"},  {"ditolak", "rejected"},      {"duplikat", "a duplicate"}};
  for (const auto& [id, en] : kEn) {
    if (name == id) return en;
  }
  return name;
}

std::string WithReason(std::string text, const ReportEvent& e, Language lang) {
  const std::string reason = Field(e, "reason");
  if (!reason.empty()) text += (lang == Language::kEn ? " Reason: " : " Alasan: ") + reason;
  return text;
}

std::string Body(const ReportEvent& e, Language lang) {
  const bool en = lang == Language::kEn;
  const std::string& t = e.tracking;
  if (e.type == kEventCreated) {
    return en ? "Your report " + t + " has been received. Use this number to follow it."
              : "Laporan Anda " + t + " telah diterima. Gunakan nomor ini untuk memantaunya.";
  }
  if (e.type == kEventStatusChanged) {
    const std::string to = StatusLabel(Field(e, "to"), lang);
    return WithReason(en ? "Report " + t + " is now " + to + "."
                         : "Status laporan " + t + " sekarang " + to + ".",
                      e, lang);
  }
  if (e.type == kEventAssigned) {
    return WithReason(en ? "Report " + t + " has been passed to another agency (OPD)."
                         : "Laporan " + t + " diteruskan ke OPD lain.",
                      e, lang);
  }
  if (e.type == kEventNoteAdded) {
    return en ? "An officer added a note to report " + t + "."
              : "Petugas menambahkan catatan pada laporan " + t + ".";
  }
  if (e.type == kEventCommented) {
    return en ? "There is a new comment on report " + t + "."
              : "Ada komentar baru pada laporan " + t + ".";
  }
  if (e.type == kEventRated) {
    const std::string stars = Field(e, "stars");
    return en ? "Report " + t + " was rated " + stars + " of 5."
              : "Laporan " + t + " diberi nilai " + stars + " dari 5.";
  }
  if (e.type == kEventMerged) {
    const std::string into = Field(e, "into");
    return en ? "Report " + t + " was merged into report " + into + ", which is followed instead."
              : "Laporan " + t + " digabung ke laporan " + into + "; pantau laporan tersebut.";
  }
  if (e.type == kEventEscalated) {
    const bool response = Field(e, "clock") == "response";
    return en ? "Report " + t + " passed its " + (response ? "response" : "resolution") +
                    " deadline and was escalated to the region's administrator."
              : "Laporan " + t + " melewati batas waktu " +
                    (response ? "tanggapan" : "penyelesaian") + " dan dieskalasi ke admin daerah.";
  }
  if (e.type == kEventReopened) {
    return WithReason(en ? "Report " + t + " was reopened." : "Laporan " + t + " dibuka kembali.",
                      e, lang);
  }
  return en ? "Report " + t + " was updated." : "Ada perubahan pada laporan " + t + ".";
}

class LogCitizenNotifier final : public CitizenNotifier {
 public:
  void Send(const CitizenMessage& m) override {
    spdlog::info("notify user {} ({}): {} | {}", m.user_id, accounts::ToString(m.language),
                 m.subject, m.text);
  }
};

}  // namespace

std::unique_ptr<CitizenNotifier> MakeLogCitizenNotifier() {
  return std::make_unique<LogCitizenNotifier>();
}

NotificationText FormatNotification(const ReportEvent& event, Language language) {
  return {.subject = (language == Language::kEn ? "Report " : "Laporan ") + event.tracking,
          .text = Body(event, language)};
}

ReportNotifier::ReportNotifier(store::Database& db, std::unique_ptr<CitizenNotifier> notifier,
                               size_t max_queue)
    : db_(db), notifier_(std::move(notifier)), max_queue_(max_queue) {
  thread_ = std::thread([this] { Loop(); });
}

ReportNotifier::~ReportNotifier() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ReportNotifier::Publish(const ReportEvent& event) {
  if (event.notify_user_ids.empty()) return;
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= max_queue_) {
      spdlog::warn("notifier: queue full, {} of {} not sent", event.type, event.tracking);
      return;
    }
    queue_.push_back(event);
  }
  cv_.notify_one();
}

void ReportNotifier::Loop() {
  while (true) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything queued was sent
    ReportEvent event = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Deliver(event);
  }
}

void ReportNotifier::Deliver(const ReportEvent& event) {
  for (int64_t id : event.notify_user_ids) {
    auto user =
        db_.Read([id](store::Connection& conn) { return accounts::db::FindUser(conn, id); });
    if (!user.ok()) {
      spdlog::warn("notifier: cannot read user {}: {}", id, user.error().message.en);
      continue;
    }
    if (!*user || (*user)->status != accounts::UserStatus::kActive) continue;
    const auto& u = **user;
    auto text = FormatNotification(event, u.language);
    notifier_->Send({.user_id = u.id,
                     .name = u.name,
                     .email = u.email,
                     .phone = u.phone,
                     .language = u.language,
                     .tracking = event.tracking,
                     .subject = std::move(text.subject),
                     .text = std::move(text.text)});
  }
}

}  // namespace kc::reports
