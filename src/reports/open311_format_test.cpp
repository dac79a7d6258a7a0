// Unit tests of the Open311 wire formats: XML shape and escaping, the spec's error format.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "reports/open311_format.h"

namespace kc::reports::open311 {
namespace {

namespace json = boost::json;

TEST(Open311Format, XmlRepeatsSingularElementsAndEscapes) {
  json::array services;
  services.push_back({{"service_code", "pkl"}, {"service_name", "PKL <liar> & \"nakal\" 'x'"},
                      {"metadata", false}, {"order", 2}, {"group", nullptr}});
  EXPECT_EQ(ToXml("services", services),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>"
            "<service_code>pkl</service_code>"
            "<service_name>PKL &lt;liar&gt; &amp; &quot;nakal&quot; &apos;x&apos;</service_name>"
            "<metadata>false</metadata><order>2</order><group></group></service></services>");
  json::object def{{"service_code", "x"},
                   {"attributes", json::array{{{"code", "a"},
                                               {"values", json::array{{{"key", "k"}, {"name", "n"}}}}}}}};
  EXPECT_EQ(ToXml("service_definition", def),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><service_code>x"
            "</service_code><attributes><attribute><code>a</code><values><value><key>k</key>"
            "<name>n</name></value></values></attribute></attributes></service_definition>");
  EXPECT_EQ(ToXml("r", json::string("a\x01" "b")), "<?xml version=\"1.0\" encoding=\"utf-8\"?><r>ab</r>");
}

TEST(Open311Format, ErrorsFollowTheSpec) {
  Error e = InvalidArgument({"Data tidak sah.", "Invalid data."});
  e.With("lat", {"wajib", "required"}).With("long", {"wajib", "required"});
  auto js = ErrorDocument(Format::kJson, e, true);
  EXPECT_EQ(js.status, 400);
  auto parsed = json::parse(js.body);
  EXPECT_EQ(parsed.at(0).at("code"), 400);
  EXPECT_EQ(parsed.at(0).at("description"), "Invalid data. lat: required; long: required");
  auto xml = ErrorDocument(Format::kXml, NotFound({"Tidak ada.", "Not found."}), false);
  EXPECT_EQ(xml.status, 404);
  EXPECT_EQ(xml.content_type, "text/xml; charset=utf-8");
  EXPECT_EQ(xml.body, "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>"
                      "<description>Tidak ada.</description></error></errors>");
}

}  // namespace
}  // namespace kc::reports::open311
