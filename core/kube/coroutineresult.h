// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoroTask>

#include <coroutine>
#include <cstddef>
#include <expected>

// GCC 12's std::expected has an unconstrained `operator==(const expected&, const U&)`. QCoro's debug-build
// assertion `handle != nullptr` on a Task<std::expected<T, E>> whose T can be made from nullptr (JSON,
// pointers) picks that operator, whose noexcept clause then recurses into itself and fails to compile.
// An exact-match comparison found by argument-dependent lookup wins overload resolution instead.
// Include this (kubeclient.h does) wherever such a task is awaited.
namespace QCoro::detail {

template<typename T, typename E>
constexpr bool operator==(std::coroutine_handle<TaskPromise<std::expected<T, E>>> handle,
                          std::nullptr_t) noexcept {
    return handle.address() == nullptr;
}

} // namespace QCoro::detail
