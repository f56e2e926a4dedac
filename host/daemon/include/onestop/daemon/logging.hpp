#pragma once

#include <string>

namespace onestop::daemon {

// Routes every Poco logger to stderr, as text or JSON lines. Log messages name methods, reasons,
// devices and sessions; request bodies and card data are never passed to a logger.
void configureLogging(const std::string& level, const std::string& format);

}  // namespace onestop::daemon
