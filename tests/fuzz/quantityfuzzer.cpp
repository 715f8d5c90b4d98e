// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary text to the quantity parser and checks that canonical() writes what parse() reads back.
#include "fuzzcheck.h"
#include "model/quantity.h"

#include <limits>

using namespace otelconsole;

namespace {

std::string describe(std::string_view text, const Quantity &quantity) {
    return "input \"" + std::string(text) + "\", canonical \"" + quantity.canonical() + "\"";
}

void checkCanonicalForm(std::string_view text, const Quantity &quantity) {
    const std::string canonical = quantity.canonical();
    const auto reread = Quantity::parse(canonical);
    fuzz::require(reread.has_value(), "canonical() is a valid quantity",
                  [&] { return describe(text, quantity); });
    fuzz::require(reread->canonical() == canonical, "canonical() is a fixed point",
                  [&] { return describe(text, quantity); });

    // canonical() keeps at most three decimal places, rounding finer values away from zero as the API
    // server does, so parse(canonical(q)) is q itself exactly when q is a whole number of thousandths.
    const bool negative = quantity < Quantity();
    fuzz::require(negative ? *reread <= quantity : *reread >= quantity,
                  "canonical() rounds away from zero, never towards it",
                  [&] { return describe(text, quantity); });
    const std::int64_t milli = quantity.milliValue();
    const bool milliSaturated = milli == std::numeric_limits<std::int64_t>::max()
                                || milli == std::numeric_limits<std::int64_t>::min();
    if (!milliSaturated) {
        const Quantity rounded = Quantity::fromMilli(milli);
        fuzz::require(*reread == rounded, "parse(canonical(q)) is q rounded to thousandths",
                      [&] { return describe(text, quantity); });
        if (rounded == quantity)
            fuzz::require(*reread == quantity, "parse(canonical(q)) == q",
                          [&] { return describe(text, quantity); });
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text = fuzz::inputText(data, size);
    const auto quantity = Quantity::parse(text);
    if (!quantity) {
        fuzz::require(!quantity.error().message.empty(), "a rejected quantity has a message");
        return 0;
    }

    checkCanonicalForm(text, *quantity);

    // The conversions saturate rather than overflow; the sanitizers watch them on every accepted value.
    static_cast<void>(quantity->value());
    static_cast<void>(quantity->toDouble());
    return 0;
}
