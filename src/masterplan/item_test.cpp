// Item keys (item.h): only canonical forms parse, and audit entries name the items they touch.
#include "masterplan/item.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace kc::masterplan {
namespace {

TEST(MasterplanItem, CanonicalKeysRoundTrip) {
  for (const char* text :
       {"plan", "stage:1", "stage:4", "readiness:governance", "readiness:environment", "program:3",
        "program:2147483647", "quick_win:12"}) {
    const auto key = ParseItem(text);
    ASSERT_TRUE(key) << text;
    EXPECT_EQ(ToString(*key), text);
  }
  EXPECT_EQ(*ParseItem("program:3"), (ItemKey{ItemKind::kProgram, 3, {}}));
  EXPECT_EQ(*ParseItem("readiness:living"), (ItemKey{ItemKind::kReadiness, 0, "living"}));
}

TEST(MasterplanItem, EverythingElseIsRefused) {
  for (const char* text : {"",
                           "Plan",
                           "plan:1",
                           "stage:0",
                           "stage:5",
                           "stage:",
                           "stage:01",
                           "readiness:",
                           "readiness:Governance",
                           "readiness:layanan_publik",
                           "program:",
                           "program:0",
                           "program:03",
                           "program:-1",
                           "program:+3",
                           "program:3 ",
                           "program:2147483648",
                           "program:1x",
                           "quick_win:0",
                           "quickwin:1",
                           "swot:1"}) {
    EXPECT_FALSE(ParseItem(text)) << text;
  }
  EXPECT_NE(ItemFormatMessage().id.find("governance"), std::string::npos);
}

TEST(MasterplanItem, AuditEntriesNameTheirItems) {
  namespace json = boost::json;
  using Items = std::vector<std::string>;
  EXPECT_EQ(AuditItems("masterplan.edit", {{"version", 1}}), Items{"plan"});
  EXPECT_EQ(AuditItems("masterplan.in_review", {}), Items{"plan"});
  EXPECT_EQ(AuditItems("bimtek.complete", {{"stage", 2}}), Items{"stage:2"});
  EXPECT_EQ(AuditItems("program.save", {{"no", 3}, {"name", "x"}}), Items{"program:3"});
  EXPECT_EQ(AuditItems("program.progress", {{"no", 4}}), Items{"program:4"});
  EXPECT_EQ(AuditItems("quick_win.remove", {{"no", 1}}), Items{"quick_win:1"});
  EXPECT_EQ(AuditItems("readiness.swot.add", {{"dimension", "economy"}}),
            Items{"readiness:economy"});
  EXPECT_EQ(AuditItems("readiness.score",
                       {{"count", 2}, {"dimensions", json::array{"governance", "living"}}}),
            (Items{"readiness:governance", "readiness:living"}));
  EXPECT_EQ(AuditItems("comment.add", {{"item", "quick_win:2"}}), Items{"quick_win:2"});
  EXPECT_TRUE(AuditItems("maturity.set", {{"dimension", "economy"}}).empty());
  EXPECT_TRUE(AuditItems("program.save", {{"no", "3"}}).empty());  // malformed: no item
  EXPECT_TRUE(AuditItems("readiness.swot.remove", {{"no", 2}}).empty());
}

}  // namespace
}  // namespace kc::masterplan
