#pragma once

#include "app/app_context.h"

namespace kc::app {

// /healthz, /readyz, /metrics, /api/v1/openapi.json, /api/v1/version and the web app fallback.
void RegisterSystemRoutes(http::Router& router, AppContext& ctx);

}  // namespace kc::app
