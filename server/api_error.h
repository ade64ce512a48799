// An error the API answers with: an HTTP status, a short machine-readable code and one sentence for
// people, sent as {"error": code, "message": message}.
#pragma once

#include <string>

#include "common/errors.h"

namespace medsearch::server {

class ApiError : public Error {
public:
    ApiError(int status, std::string code, const std::string& message) : Error(message), status_(status), code_(std::move(code)) {}

    int status() const noexcept { return status_; }
    const std::string& code() const noexcept { return code_; }

private:
    int status_;
    std::string code_;
};

}  // namespace medsearch::server
