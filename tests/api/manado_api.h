// A shared fixture for API tests that need a region with data: a tiny Manado (two kecamatan,
// three kelurahan with square boundaries) prepared with the CLI, then `kotacerdas demo` (OPDs,
// demo users, categories and rules), served by one server process per test suite.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "harness.h"

namespace kc::testing {

inline const std::string kJsonType = "Content-Type: application/json";
inline const std::string kManado = "/api/v1/regions/manado";

// The body as a JSON object (copied: as_object() of a temporary would dangle).
boost::json::object JsonOf(const HttpResponse& r);
// error.code of an error body, "" when there is none.
std::string ErrorCodeOf(const HttpResponse& r);
// The "field" of every error detail.
std::vector<std::string> ErrorFieldsOf(const HttpResponse& r);

class ManadoApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static HttpResponse Send(const std::string& method, const std::string& target,
                           const std::string& body, std::vector<std::string> headers = {});
  static HttpResponse Get(const std::string& target, std::vector<std::string> headers = {});
  // Signs in a demo (or any) user; returns "Authorization: Bearer <token>".
  static std::string Login(const std::string& login, const std::string& password);
  static std::string AdminAuth() { return Login("diskominfo@demo.kotacerdas.id", "Demo-Diskominfo-2026"); }
  static std::string PuprAuth() { return Login("pupr@demo.kotacerdas.id", "Demo-Pupr-2026"); }
  static std::string CitizenAuth() { return Login("warga@demo.kotacerdas.id", "Demo-Warga-2026"); }
  static std::pair<int, std::string> Cli(std::vector<std::string> args);

  static std::filesystem::path* root_;
  static ServerProcess* server_;
};

}  // namespace kc::testing
